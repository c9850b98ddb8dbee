#!/usr/bin/python3
"""PyTorch side of the benchmark console: the same networks, batch sizes and thread count.

Prints one JSON object per line: {"model", "layout", "kind", "batch", "median_seconds", "samples_per_second"}.
Run by benchmarks/ (Microsoft.ML.Cnn.Benchmarks) in the same invocation, so both sides see the same machine load.
Usage: torch_bench.py --threads 2 --train-steps 40 --infer-iterations 40 --full-size-steps 5 --models seed,lenet5,resnet18,vgg11

The full-size networks (resnet18, vgg11: torchvision's, 224x224x3, 1000 classes, batch 16 for training and forward)
run twice: in PyTorch's default NCHW memory format and in channels_last (NHWC), which lets oneDNN (MKL-DNN, which
Debian's PyTorch is built with) keep its preferred layout. They need python3-torchvision.
"""
import argparse
import json
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def seed_cnn():
    return nn.Sequential(
        nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(1600, 128), nn.ReLU(), nn.Linear(128, 10))


def lenet5():
    # LeNet5.Create(..., LeNet5Style.Modern): ReLU and max pooling, 28x28 input padded to 32x32 by the first
    # convolution, C5 as a 5x5 convolution to 120 channels as in the paper.
    return nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 120, 5), nn.ReLU(),
        nn.Flatten(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))


def torchvision_model(name):
    def build():
        import torchvision
        return getattr(torchvision.models, name)(num_classes=1000)
    return build


# key -> (factory, sample shape, classes, full size)
MODELS = {
    "seed": (seed_cnn, (1, 28, 28), 10, False),
    "lenet5": (lenet5, (1, 28, 28), 10, False),
    "resnet18": (torchvision_model("resnet18"), (3, 224, 224), 1000, True),
    "vgg11": (torchvision_model("vgg11"), (3, 224, 224), 1000, True),
}
FULL_SIZE_BATCH = 16


def median_time(fn, iterations, warmup):
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(iterations):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench(name, layout, args):
    factory, sample, classes, full_size = MODELS[name]
    torch.manual_seed(0)
    memory_format = torch.channels_last if layout == "channels_last" else torch.contiguous_format
    model = factory().to(memory_format=memory_format)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    train_batch = FULL_SIZE_BATCH if full_size else args.train_batch
    warmup = 2 if full_size else 5
    x = torch.rand(train_batch, *sample).to(memory_format=memory_format)
    y = torch.randint(0, classes, (train_batch,))

    def train_step():
        optimizer.zero_grad(set_to_none=True)
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        optimizer.step()

    def row(kind, batch, t):
        return {"model": name, "layout": layout, "kind": kind, "batch": batch, "median_seconds": t, "samples_per_second": batch / t}

    model.train()
    t = median_time(train_step, args.full_size_steps if full_size else args.train_steps, warmup)
    yield row("train", train_batch, t)

    model.eval()
    runs = ((FULL_SIZE_BATCH, args.full_size_steps),) if full_size else ((args.infer_batch, args.infer_iterations), (1, args.infer_iterations * 10))
    for batch, iterations in runs:
        xb = torch.rand(batch, *sample).to(memory_format=memory_format)
        with torch.no_grad():
            t = median_time(lambda: model(xb), iterations, warmup)
        yield row("infer", batch, t)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--train-batch", type=int, default=128)
    parser.add_argument("--infer-batch", type=int, default=256)
    parser.add_argument("--train-steps", type=int, default=40)
    parser.add_argument("--infer-iterations", type=int, default=40)
    parser.add_argument("--full-size-steps", type=int, default=5)
    parser.add_argument("--models", default="seed,lenet5,resnet18,vgg11")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    for name in args.models.split(","):
        layouts = ("default", "channels_last") if MODELS[name][3] else ("default",)
        for layout in layouts:
            for row in bench(name, layout, args):
                print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
