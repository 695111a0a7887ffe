"""One peer run for `npm run bench -- peers`: python run_peer.py PEER IN OUT OPTIONS_JSON (bench only).

Each call is its own process (the bench measures its wall time and peak RSS from outside) and calls the
peer's documented Python API with the options onnx-diet's stage gets in the same row:
  onnxslim           onnxslim.slim(IN) [no_shape_infer], saved with onnx.save
  quantize_dynamic   onnxruntime.quantization.quantize_dynamic(per_channel, reduce_range, weight_type, op_types)
  nbits-rtn / -hqq   onnxruntime.quantization.matmul_nbits_quantizer.MatMulNBitsQuantizer with
                     DefaultWeightOnlyQuantConfig (RTN) or HQQWeightOnlyQuantConfig, block size, symmetry
  float16            onnxconverter_common.float16.convert_float_to_float16(keep_io_types)
  onnxslim-fp16      onnxslim.slim(IN, dtype="fp16")
Models of 2 GB or more are written with external data, as each tool's docs ask.
"""
import json
import os
import sys

import onnx


def save(model, out):
    big = model.ByteSize() >= 2**31 - 1 if hasattr(model, "ByteSize") else False
    onnx.save(model, out, save_as_external_data=big, location=os.path.basename(out) + ".data" if big else None)


def main():
    peer, src, out, options = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
    if options.get("preslim"):
        # What a user does when the quantizer refuses weights held in Constant nodes ("Expected … to be an
        # initializer"): onnxslim first (it folds Constants into initializers), in the same process and timing.
        import onnxslim
        slimmed = out + ".slim.onnx"
        save(onnxslim.slim(src), slimmed)
        src = slimmed
    if peer == "onnxslim":
        import onnxslim
        save(onnxslim.slim(src, no_shape_infer=bool(options.get("no_shape_infer"))), out)
    elif peer == "onnxslim-fp16":
        import onnxslim
        save(onnxslim.slim(src, dtype="fp16"), out)
    elif peer == "quantize_dynamic":
        from onnxruntime.quantization import QuantType, quantize_dynamic
        quantize_dynamic(src, out, per_channel=options["per_channel"], reduce_range=options["reduce_range"],
                         weight_type=QuantType.QInt8 if options["weight_type"] == "int8" else QuantType.QUInt8,
                         op_types_to_quantize=options["op_types"])
    elif peer in ("nbits-rtn", "nbits-hqq"):
        from onnxruntime.quantization import matmul_nbits_quantizer as mnq
        if peer == "nbits-rtn":
            config = mnq.DefaultWeightOnlyQuantConfig(block_size=options["block_size"], is_symmetric=options["symmetric"],
                                                      accuracy_level=options.get("accuracy_level"))
        else:
            config = mnq.HQQWeightOnlyQuantConfig(block_size=options["block_size"], bits=4)
        q = mnq.MatMulNBitsQuantizer(onnx.load(src), block_size=options["block_size"], is_symmetric=options["symmetric"],
                                     accuracy_level=options.get("accuracy_level"), algo_config=config)
        q.process()
        q.model.save_model_to_file(out, use_external_data_format=q.model.model.ByteSize() >= 2**31 - 1)
    elif peer == "float16":
        from onnxconverter_common import float16
        save(float16.convert_float_to_float16(onnx.load(src), keep_io_types=options["keep_io_types"]), out)
    else:
        raise SystemExit(f"run_peer.py: unknown peer {peer}")
    if options.get("preslim"):
        os.remove(src)


if __name__ == "__main__":
    main()
