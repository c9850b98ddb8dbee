#!/usr/bin/python3
"""Writes the torchvision forward-equivalence fixtures in Microsoft.ML.Cnn.Tests/TestData/Torchvision/.

Run from the repository root (CI never runs it; the fixtures are committed):

    /usr/bin/python3 tools/torchvision_reference.py [model ...]      # default: every model in MODELS

Needs Debian's python3-torch 1.13 and python3-torchvision 0.14.1, and NumPy.

Why: the full-size presets must compute what torchvision computes, but CI has no PyTorch and cannot hold
hundreds of MB of weights. So every weight (and the input batch) is *generated* from its name by a tiny
deterministic generator that C# reproduces bit for bit (Microsoft.ML.Cnn.Tests/TestSupport/ReferenceWeights.cs);
a fixture only stores the tensor names, shapes, the generator's per-tensor (offset, scale) and torchvision's logits.

The generator. For a tensor named NAME (UTF-8) and the global seed S (uint64):
  key = FNV-1a-64(NAME bytes) XOR S       (offset basis 0xcbf29ce484222325, prime 0x100000001b3)
  element i (0-based, row-major): z = key + (i + 1) * 0x9E3779B97F4A7C15        (mod 2^64)
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;  z = (z ^ (z >> 27)) * 0x94D049BB133111EB;  z ^= z >> 31
  u = float32(z >> 40) * 2^-24  (exact, in [0, 1));  t = 2u - 1  (exact, in [-1, 1))
  v = float32(t * scale) + offset, each operation rounded to float32 (no fused multiply-add)
(offset, scale) per tensor, as float32: conv/linear weight (0, sqrt(6 / fan_in)), conv/linear bias (0, 0.1),
BatchNorm weight (1, 0.2), bias (0, 0.1), running_mean (0, 0.1), running_var (1, 0.25). num_batches_tracked is
not generated (it has no counterpart and does not affect eval mode). The input batch is the tensor named "input"
with (0, 1), shape INPUT_SHAPE. The model runs in eval mode (batch norm on running statistics, no dropout).

Fixture format (UTF-8 JSON, <model>.reference.json):
  format            1
  model             the torchvision constructor call, e.g. "torchvision.models.resnet18(num_classes=1000)"
  versions          {torch, torchvision, numpy}
  seed              the global seed S
  input             {name, shape, offset, scale, first_values}: the input batch tensor
  tensors           [{name, shape, offset, scale, first_value}] in state_dict order (num_batches_tracked left out);
                    first_value is element 0 as generated, to check the C# generator tensor by tensor
  parameter_count   sum of numel over model.parameters() (trainable values, running statistics excluded)
  logits            [batch][classes] torchvision's output
  logit_scale       max |logit|, the scale the tolerance is relative to
Every float is float32 written with 9 significant digits, which round-trips float32 exactly.
"""
import json
import math
import os
import sys

import numpy as np
import torch
import torchvision

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Microsoft.ML.Cnn.Tests", "TestData", "Torchvision")
SEED = 6
INPUT_SHAPE = (2, 3, 224, 224)
CHUNK = 1 << 22  # elements generated at once, to bound memory on VGG's 103M-value layer

MODELS = {
    "resnet18": ("torchvision.models.resnet18(num_classes=1000)", lambda: torchvision.models.resnet18(num_classes=1000)),
    "vgg11": ("torchvision.models.vgg11(num_classes=1000)", lambda: torchvision.models.vgg11(num_classes=1000)),
    "googlenet": ("torchvision.models.googlenet(num_classes=1000, aux_logits=False, init_weights=False)",
                  lambda: torchvision.models.googlenet(num_classes=1000, aux_logits=False, init_weights=False)),
    "densenet121": ("torchvision.models.densenet121(num_classes=1000)", lambda: torchvision.models.densenet121(num_classes=1000)),
    "alexnet": ("torchvision.models.alexnet(num_classes=1000)", lambda: torchvision.models.alexnet(num_classes=1000)),
}

MASK64 = (1 << 64) - 1


def fnv1a64(text):
    h = 0xCBF29CE484222325
    for b in text.encode("utf-8"):
        h = ((h ^ b) * 0x100000001B3) & MASK64
    return h


def generate(name, shape, offset, scale, seed=SEED):
    """The generator above, vectorized: uint64 arrays wrap modulo 2^64, float32 arrays round every operation."""
    count = int(np.prod(shape, dtype=np.int64))
    key = np.uint64(fnv1a64(name) ^ seed)
    out = np.empty(count, dtype=np.float32)
    offset, scale = np.float32(offset), np.float32(scale)
    with np.errstate(over="ignore"):
        for start in range(0, count, CHUNK):
            end = min(start + CHUNK, count)
            z = np.arange(start + 1, end + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15) + key
            z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
            z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
            z = z ^ (z >> np.uint64(31))
            u = (z >> np.uint64(40)).astype(np.float32) * np.float32(2.0 ** -24)
            t = np.float32(2) * u - np.float32(1)
            out[start:end] = t * scale + offset  # two float32 operations, each rounded
    return out.reshape(shape)


def f32(x):
    """A float32 as a JSON number with 9 significant digits (exact round trip)."""
    return float("%.9g" % np.float32(x))


def rule(module, leaf, shape):
    """(offset, scale) for the tensor `leaf` of `module`."""
    if isinstance(module, torch.nn.modules.batchnorm._BatchNorm):
        return {"weight": (1.0, 0.2), "bias": (0.0, 0.1), "running_mean": (0.0, 0.1), "running_var": (1.0, 0.25)}[leaf]
    if isinstance(module, (torch.nn.Conv2d, torch.nn.Linear)):
        if leaf == "weight":
            fan_in = int(np.prod(shape[1:]))
            return 0.0, math.sqrt(6.0 / fan_in)
        if leaf == "bias":
            return 0.0, 0.1
    raise ValueError(f"no generator rule for {type(module).__name__}.{leaf}")


def reference(model_name):
    call, build = MODELS[model_name]
    model = build().eval()
    modules = dict(model.named_modules())
    state = model.state_dict()
    tensors = []
    for name, value in state.items():
        module_name, _, leaf = name.rpartition(".")
        if leaf == "num_batches_tracked":
            continue
        shape = tuple(value.shape)
        offset, scale = (np.float32(v) for v in rule(modules[module_name], leaf, shape))
        data = generate(name, shape, offset, scale)
        state[name] = torch.from_numpy(data.copy())
        tensors.append({"name": name, "shape": list(shape), "offset": f32(offset), "scale": f32(scale), "first_value": f32(data.flat[0])})
    model.load_state_dict(state)
    images = generate("input", INPUT_SHAPE, 0.0, 1.0)
    with torch.no_grad():
        logits = model(torch.from_numpy(images.copy())).numpy().astype(np.float32)
    return {
        "format": 1,
        "model": call,
        "versions": {"torch": torch.__version__, "torchvision": torchvision.__version__, "numpy": np.__version__},
        "seed": SEED,
        "input": {"name": "input", "shape": list(INPUT_SHAPE), "offset": 0.0, "scale": 1.0,
                  "first_values": [f32(v) for v in images.flat[:8]]},
        "tensors": tensors,
        "parameter_count": sum(p.numel() for p in model.parameters()),
        "logits": [[f32(v) for v in row] for row in logits],
        "logit_scale": f32(np.abs(logits).max()),
    }


def write(model_name, fixture):
    """One tensor per line, so a diff of a regenerated fixture is readable."""
    os.makedirs(ROOT, exist_ok=True)
    lines = ["{"]
    for key, value in fixture.items():
        if key == "tensors":
            lines.append('  "tensors": [')
            lines.extend("    " + json.dumps(t) + ("," if i + 1 < len(value) else "") for i, t in enumerate(value))
            lines.append("  ],")
        elif key == "logits":
            lines.append('  "logits": [')
            lines.extend("    " + json.dumps(row) + ("," if i + 1 < len(value) else "") for i, row in enumerate(value))
            lines.append("  ],")
        else:
            lines.append(f"  {json.dumps(key)}: {json.dumps(value)},")
    lines[-1] = lines[-1].rstrip(",")
    lines.append("}")
    with open(os.path.join(ROOT, f"{model_name}.reference.json"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def main(names):
    torch.set_num_threads(2)
    for name in names or MODELS:
        fixture = reference(name)
        write(name, fixture)
        print(f"{name}: {len(fixture['tensors'])} tensors, {fixture['parameter_count']:,} parameters, "
              f"logit scale {fixture['logit_scale']}, input[:4] {fixture['input']['first_values'][:4]}")


if __name__ == "__main__":
    main(sys.argv[1:])
