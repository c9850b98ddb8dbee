#!/usr/bin/env python3
"""Writes the committed fixture of the TorchWeights import test (Microsoft.ML.Cnn.Tests/TestData/TorchImport/).

A small PyTorch network whose module names follow the library's torchvision convention, with random weights and
non-trivial BatchNorm statistics: conv+BN+ReLU+pool, a depthwise conv+BN+ReLU, a pointwise conv, pool, and a two-layer
Linear head on a non-square map (so a transposed layout would show). small_net.safetensors holds its state_dict with
one BF16, one F16 and one F64 tensor and the int64 num_batches_tracked buffers; small_net_io.safetensors holds a fixed
input batch and the network's eval-mode output. Run: /usr/bin/python3 tools/make_torch_import_fixture.py
"""
import os

import torch
from torch import nn

from export_safetensors import save_safetensors

OUT = os.path.join(os.path.dirname(__file__), "..", "Microsoft.ML.Cnn.Tests", "TestData", "TorchImport")


class SmallNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 8, 3, padding=1, bias=False), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(8, 8, 3, padding=1, groups=8), nn.BatchNorm2d(8), nn.ReLU(),
            nn.Conv2d(8, 12, 1), nn.ReLU(), nn.MaxPool2d(2))
        self.classifier = nn.Sequential(nn.Linear(12 * 2 * 3, 16), nn.ReLU(), nn.Linear(16, 5))

    def forward(self, x):
        return self.classifier(torch.flatten(self.features(x), 1))


def main():
    torch.manual_seed(6)
    model = SmallNet()
    with torch.no_grad():
        for bn in (model.features[1], model.features[5]):
            bn.weight.copy_(1 + 0.3 * torch.randn(8))
            bn.bias.copy_(0.2 * torch.randn(8))
            bn.running_mean.copy_(0.5 * torch.randn(8))
            bn.running_var.copy_(0.5 + torch.rand(8))
            bn.num_batches_tracked.fill_(7)
    stored_as = {"features.5.weight": torch.bfloat16, "classifier.2.weight": torch.float16, "classifier.0.bias": torch.float64}
    state = model.state_dict()
    tensors = {}
    with torch.no_grad():
        for name, tensor in state.items():
            if name in stored_as:
                tensor.copy_(tensor.to(stored_as[name]).float())  # the model computes with the stored precision
                tensors[name] = tensor.to(stored_as[name])
            else:
                tensors[name] = tensor
    model.eval()
    x = torch.randn(2, 3, 8, 12)
    with torch.no_grad():
        y = model(x)
    os.makedirs(OUT, exist_ok=True)
    save_safetensors(tensors, os.path.join(OUT, "small_net.safetensors"), {"fixture": "make_torch_import_fixture.py", "torch": torch.__version__})
    save_safetensors({"input": x, "output": y}, os.path.join(OUT, "small_net_io.safetensors"))
    print("output", y)


if __name__ == "__main__":
    main()
