#!/usr/bin/python3
"""Writes the torchvision reference file Microsoft.ML.Cnn.Tests/TestData/Torchvision/parameter_counts.json.

Run from the repository root (CI never runs it; the file is committed):

    /usr/bin/python3 tools/torchvision_parameter_counts.py

Needs PyTorch and torchvision (tested with Debian's python3-torch 1.13 and python3-torchvision 0.14.1). No weights
are downloaded: every model is built with random initialization, which does not change counts, names or shapes.

Layout (UTF-8 JSON, keys sorted; one state_dict entry per line so diffs stay readable):
  format        1
  torch         torch.__version__ of the run
  torchvision   torchvision.__version__ of the run
  class_counts  the class counts every model was built for, e.g. [10, 1000]
  models        {name: model} for each torchvision builder name (e.g. "alexnet", "vgg11_bn", "resnet50"):
    builder       the Python call that built the 1000-class model, e.g. "googlenet(aux_logits=False, init_weights=False)"
    parameters    {str(classes): count} with count = sum(p.numel() for p in model.parameters()): trainable tensors
                  only; buffers (BatchNorm running_mean, running_var, num_batches_tracked) are not counted
    state_dict    the 1000-class model's state_dict in its order: [{key, shape, kind}], kind "parameter" or
                  "buffer" (buffers include num_batches_tracked, which has no counterpart in Microsoft.ML.Cnn)
"""

import json
import os
import re

import torch
import torchvision
from torchvision import models

CLASS_COUNTS = [10, 1000]

# Builder name -> (builder, keyword arguments). Random init only: weights=None everywhere.
MODELS = {
    "alexnet": (models.alexnet, {}),
    "vgg11": (models.vgg11, {}),
    "vgg13": (models.vgg13, {}),
    "vgg16": (models.vgg16, {}),
    "vgg19": (models.vgg19, {}),
    "vgg11_bn": (models.vgg11_bn, {}),
    "vgg13_bn": (models.vgg13_bn, {}),
    "vgg16_bn": (models.vgg16_bn, {}),
    "vgg19_bn": (models.vgg19_bn, {}),
    "googlenet": (models.googlenet, {"aux_logits": False, "init_weights": False}),
    "resnet18": (models.resnet18, {}),
    "resnet34": (models.resnet34, {}),
    "resnet50": (models.resnet50, {}),
    "densenet121": (models.densenet121, {}),
}

OUTPUT = os.path.join("Microsoft.ML.Cnn.Tests", "TestData", "Torchvision", "parameter_counts.json")


def builder_text(name, kwargs):
    arguments = ", ".join(f"{k}={v}" for k, v in kwargs.items())
    return f"{name}({arguments})"


def describe(name, builder, kwargs):
    torch.manual_seed(0)
    counts = {}
    state_dict = []
    for classes in CLASS_COUNTS:
        model = builder(weights=None, num_classes=classes, **kwargs)
        counts[str(classes)] = sum(p.numel() for p in model.parameters())
        if classes == 1000:
            parameter_names = {n for n, _ in model.named_parameters()}
            for key, tensor in model.state_dict().items():
                kind = "parameter" if key in parameter_names else "buffer"
                state_dict.append({"key": key, "shape": list(tensor.shape), "kind": kind})
    return {"builder": builder_text(name, kwargs), "parameters": counts, "state_dict": state_dict}


def render(document):
    # json.dumps with indentation, except that each state_dict entry stays on one line.
    placeholders = {}
    for model in document["models"].values():
        for i, entry in enumerate(model["state_dict"]):
            token = f"@entry{len(placeholders)}@"
            placeholders[token] = json.dumps(entry, sort_keys=True)
            model["state_dict"][i] = token
    text = json.dumps(document, indent=1, sort_keys=True)
    text = re.sub(r'"(@entry\d+@)"', lambda m: placeholders[m.group(1)], text)
    return text + "\n"


def main():
    if not os.path.isdir("Microsoft.ML.Cnn.Tests"):
        raise SystemExit("Run from the repository root (the folder that holds Microsoft.ML.Cnn.Tests).")
    document = {
        "format": 1,
        "torch": torch.__version__,
        "torchvision": torchvision.__version__,
        "class_counts": CLASS_COUNTS,
        "models": {name: describe(name, builder, kwargs) for name, (builder, kwargs) in MODELS.items()},
    }
    os.makedirs(os.path.dirname(OUTPUT), exist_ok=True)
    with open(OUTPUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(render(document))
    for name, model in document["models"].items():
        print(f"{name:12s} {model['parameters']['1000']:>11,d} ({model['parameters']['10']:,d} for 10 classes)")


if __name__ == "__main__":
    main()
