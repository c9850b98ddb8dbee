#!/usr/bin/python3
"""PyTorch side of the benchmark console: the same networks, batch sizes and thread count.

Prints one JSON object per line: {"model", "kind", "batch", "median_seconds", "samples_per_second"}.
Run by benchmarks/ (Microsoft.ML.Cnn.Benchmarks) in the same invocation, so both sides see the same machine load.
Usage: torch_bench.py --threads 2 --train-steps 40 --infer-iterations 40 --models seed,lenet5
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
    # The modern variant (ReLU, max pooling) on 28x28 input padded to 32x32 by the first convolution.
    return nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))


MODELS = {"seed": seed_cnn, "lenet5": lenet5}


def median_time(fn, iterations, warmup):
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(iterations):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench(name, args):
    torch.manual_seed(0)
    model = MODELS[name]()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    x = torch.rand(args.train_batch, 1, 28, 28)
    y = torch.randint(0, 10, (args.train_batch,))

    def train_step():
        optimizer.zero_grad(set_to_none=True)
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        optimizer.step()

    model.train()
    t = median_time(train_step, args.train_steps, 5)
    yield {"model": name, "kind": "train", "batch": args.train_batch, "median_seconds": t, "samples_per_second": args.train_batch / t}

    model.eval()
    for batch, iterations in ((args.infer_batch, args.infer_iterations), (1, args.infer_iterations * 10)):
        xb = torch.rand(batch, 1, 28, 28)
        with torch.no_grad():
            t = median_time(lambda: model(xb), iterations, 5)
        yield {"model": name, "kind": "infer", "batch": batch, "median_seconds": t, "samples_per_second": batch / t}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--train-batch", type=int, default=128)
    parser.add_argument("--infer-batch", type=int, default=256)
    parser.add_argument("--train-steps", type=int, default=40)
    parser.add_argument("--infer-iterations", type=int, default=40)
    parser.add_argument("--models", default="seed,lenet5")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    for name in args.models.split(","):
        for row in bench(name, args):
            print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
