"""Models and sample sets for `npm run bench -- static` (development time only; torch 1.13, no torchvision).

Builds torchvision's resnet18 and mobilenet_v3_small architectures from plain torch modules (same layers,
channels, strides, SE and hard-swish placement as torchvision 0.14), with random weights and realistic
BatchNorm statistics (cumulative running stats from training-mode passes over image-like inputs), and
exports them as torchvision users do (eval mode, BatchNorm folded, opset 13). Writes image-like samples
(smooth random fields normalized with ImageNet mean/std) as one .npz per sample: calibration sets of 100 and 500
and a held-out parity set of 16, drawn from different seeds.

  /usr/bin/python3 bench/static_models.py [OUT_DIR]   (default /work/cache/static-bench)
"""
import os
import sys

import numpy as np
import torch
from torch import nn
import torch.nn.functional as F

OUT = sys.argv[1] if len(sys.argv) > 1 else "/work/cache/static-bench"


# ---- resnet18 (torchvision.models.resnet.BasicBlock, layers [2, 2, 2, 2]) ----
class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.down = None
        if stride != 1 or cin != cout:
            self.down = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        y = F.relu(self.bn1(self.conv1(x)))
        y = self.bn2(self.conv2(y))
        return F.relu(y + (self.down(x) if self.down is not None else x))


class ResNet18(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 64, 7, 2, 3, bias=False)
        self.bn1 = nn.BatchNorm2d(64)
        self.maxpool = nn.MaxPool2d(3, 2, 1)
        layers = []
        cin = 64
        for cout, stride in [(64, 1), (128, 2), (256, 2), (512, 2)]:
            layers += [BasicBlock(cin, cout, stride), BasicBlock(cout, cout, 1)]
            cin = cout
        self.layers = nn.Sequential(*layers)
        self.fc = nn.Linear(512, 1000)

    def forward(self, x):
        x = self.maxpool(F.relu(self.bn1(self.conv1(x))))
        x = self.layers(x)
        return self.fc(torch.flatten(F.adaptive_avg_pool2d(x, 1), 1))


# ---- mobilenet_v3_small (torchvision.models.mobilenetv3, width 1.0) ----
def divisible(v, d=8):
    n = max(d, int(v + d / 2) // d * d)
    return n + d if n < 0.9 * v else n


class SE(nn.Module):
    def __init__(self, c):
        super().__init__()
        s = divisible(c // 4)
        self.fc1 = nn.Conv2d(c, s, 1)
        self.fc2 = nn.Conv2d(s, c, 1)

    def forward(self, x):
        return x * F.hardsigmoid(self.fc2(F.relu(self.fc1(F.adaptive_avg_pool2d(x, 1)))))


def cba(cin, cout, k, s, groups, act):
    layers = [nn.Conv2d(cin, cout, k, s, (k - 1) // 2, groups=groups, bias=False), nn.BatchNorm2d(cout)]
    if act:
        layers.append(act())
    return layers


class InvertedResidual(nn.Module):
    def __init__(self, cin, k, exp, cout, se, act, stride):
        super().__init__()
        a = nn.Hardswish if act == "HS" else nn.ReLU
        layers = []
        if exp != cin:
            layers += cba(cin, exp, 1, 1, 1, a)
        layers += cba(exp, exp, k, stride, exp, a)
        if se:
            layers.append(SE(exp))
        layers += cba(exp, cout, 1, 1, 1, None)
        self.block = nn.Sequential(*layers)
        self.residual = stride == 1 and cin == cout

    def forward(self, x):
        y = self.block(x)
        return x + y if self.residual else y


class MobileNetV3Small(nn.Module):
    SETTING = [
        (16, 3, 16, 16, True, "RE", 2), (16, 3, 72, 24, False, "RE", 2), (24, 3, 88, 24, False, "RE", 1),
        (24, 5, 96, 40, True, "HS", 2), (40, 5, 240, 40, True, "HS", 1), (40, 5, 240, 40, True, "HS", 1),
        (40, 5, 120, 48, True, "HS", 1), (48, 5, 144, 48, True, "HS", 1), (48, 5, 288, 96, True, "HS", 2),
        (96, 5, 576, 96, True, "HS", 1), (96, 5, 576, 96, True, "HS", 1),
    ]

    def __init__(self):
        super().__init__()
        layers = cba(3, 16, 3, 2, 1, nn.Hardswish)
        for cfg in self.SETTING:
            layers.append(InvertedResidual(*cfg))
        layers += cba(96, 576, 1, 1, 1, nn.Hardswish)
        self.features = nn.Sequential(*layers)
        self.classifier = nn.Sequential(nn.Linear(576, 1024), nn.Hardswish(), nn.Dropout(0.2), nn.Linear(1024, 1000))

    def forward(self, x):
        return self.classifier(torch.flatten(F.adaptive_avg_pool2d(self.features(x), 1), 1))


def images(n, seed, size=224):
    """Smooth random fields (a few octaves of upsampled noise) in [0, 1], ImageNet-normalized."""
    g = torch.Generator().manual_seed(seed)
    out = torch.zeros(n, 3, size, size)
    for cells, w in [(4, 1.0), (16, 0.5), (56, 0.25)]:
        noise = torch.rand(n, 3, cells, cells, generator=g)
        out += w * F.interpolate(noise, size=(size, size), mode="bilinear", align_corners=False)
    out = (out - out.amin(dim=(1, 2, 3), keepdim=True)) / (out.amax(dim=(1, 2, 3), keepdim=True) - out.amin(dim=(1, 2, 3), keepdim=True))
    mean = torch.tensor([0.485, 0.456, 0.406]).view(1, 3, 1, 1)
    std = torch.tensor([0.229, 0.224, 0.225]).view(1, 3, 1, 1)
    return (out - mean) / std


def realistic(model, seed):
    torch.manual_seed(seed)
    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
        if isinstance(m, nn.BatchNorm2d):
            m.momentum = None
            nn.init.normal_(m.weight, 1.0, 0.1)
            nn.init.normal_(m.bias, 0.0, 0.1)
        if isinstance(m, nn.Linear):
            nn.init.normal_(m.weight, 0, 0.01)
            nn.init.zeros_(m.bias)
    model.train()
    with torch.no_grad():
        for i in range(6):
            model(images(16, 1000 + i))
    return model.eval()


def write_set(folder, n, seed):
    os.makedirs(folder, exist_ok=True)
    for i in range(0, n, 50):
        batch = images(min(50, n - i), seed + i).numpy()
        for j, x in enumerate(batch):
            np.savez(os.path.join(folder, f"{i + j:04d}.npz"), input=x[None].astype(np.float32))


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, ctor in [("resnet18", ResNet18), ("mobilenet_v3_small", MobileNetV3Small)]:
        model = realistic(ctor(), 0)
        path = os.path.join(OUT, f"{name}.onnx")
        torch.onnx.export(model, (images(1, 5),), path, opset_version=13, input_names=["input"], output_names=["logits"],
                          dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}})
        print(path, os.path.getsize(path))
    write_set(os.path.join(OUT, "calib-500"), 500, 20_000)
    write_set(os.path.join(OUT, "parity-16"), 16, 90_000)
    print("samples written")


if __name__ == "__main__":
    main()
