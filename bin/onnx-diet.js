#!/usr/bin/env node
// The published command: the esbuild bundle (npm run bundle) holds the whole CLI.
import '../dist/cli.js';
