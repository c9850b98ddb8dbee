#!/usr/bin/env python3
"""Export PyTorch weights as safetensors, the format Microsoft.ML.Cnn imports (TorchWeights.Load).

The safetensors format (https://github.com/huggingface/safetensors), written here without the safetensors package:
  8 bytes    N, unsigned 64-bit little-endian: the header's length
  N bytes    UTF-8 JSON: {"<name>": {"dtype": "F32", "shape": [64, 3, 7, 7], "data_offsets": [begin, end]}, ...,
             "__metadata__": {"<key>": "<string>"}} (padded with spaces; offsets relative to the data buffer)
  the rest   the data buffer: every tensor's bytes, little-endian, row-major, tiling the buffer with no gaps
It holds only tensors, never code. PyTorch's .pth checkpoints are pickles, and unpickling can run arbitrary code, so
Microsoft.ML.Cnn never reads them: convert them here, on a machine with PyTorch, with torch.load(weights_only=True).

Names are the state_dict keys ("layer1.0.bn1.weight"). The library's full-size presets name their layers after
torchvision's modules, so they map by suffix (BatchNorm weight/bias = gamma/beta, running_var = running_variance);
num_batches_tracked (int64) is written too and skipped by the importer.

Examples:
  # torchvision's ImageNet weights (downloads them; needs internet):
  python3 tools/export_safetensors.py --model resnet18 --weights IMAGENET1K_V1 -o resnet18.safetensors
  # a randomly initialized torchvision model (no download), e.g. for tests:
  python3 tools/export_safetensors.py --model vgg11 --random --seed 0 -o vgg11-random.safetensors
  # a fine-tuned checkpoint (a state_dict, or a dict holding one under "state_dict" or "model"):
  python3 tools/export_safetensors.py --state-dict ckpt.pth --strip-prefix module. -o ckpt.safetensors
  # check a file (e.g. one Microsoft.ML.Cnn wrote with TorchWeights.Save) loads strictly into a torchvision model:
  python3 tools/export_safetensors.py --verify resnet18.safetensors --model resnet18 --num-classes 5
"""
import argparse
import json
import struct
import sys

import torch

DTYPES = {torch.float32: "F32", torch.float16: "F16", torch.bfloat16: "BF16", torch.float64: "F64",
          torch.int64: "I64", torch.int32: "I32", torch.int16: "I16", torch.int8: "I8", torch.uint8: "U8", torch.bool: "BOOL"}
TORCH_DTYPES = {name: dtype for dtype, name in DTYPES.items()}


def tensor_bytes(tensor):
    """Little-endian, row-major bytes of a tensor (bfloat16 has no numpy type: its bits go through int16)."""
    tensor = tensor.detach().cpu().contiguous()
    if tensor.dtype == torch.bfloat16:
        tensor = tensor.view(torch.int16)
    if sys.byteorder != "little":
        raise SystemExit("this writer assumes a little-endian machine")
    return tensor.numpy().tobytes()


def save_safetensors(tensors, path, metadata=None):
    """Writes {name: tensor} (in the given order) as a safetensors file."""
    header, blobs, offset = {}, [], 0
    if metadata:
        header["__metadata__"] = {str(k): str(v) for k, v in metadata.items()}
    for name, tensor in tensors.items():
        if tensor.dtype not in DTYPES:
            raise SystemExit(f"tensor {name}: dtype {tensor.dtype} has no safetensors equivalent here")
        data = tensor_bytes(tensor)
        header[name] = {"dtype": DTYPES[tensor.dtype], "shape": list(tensor.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)  # the data buffer starts 8-byte aligned
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for blob in blobs:
            f.write(blob)


def load_safetensors(path):
    """Reads a safetensors file into {name: tensor} (for checks; trusts the file)."""
    with open(path, "rb") as f:
        (length,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(length))
        buffer = f.read()
    header.pop("__metadata__", None)
    tensors = {}
    for name, info in header.items():
        begin, end = info["data_offsets"]
        dtype = TORCH_DTYPES[info["dtype"]]
        raw = bytearray(buffer[begin:end])
        if dtype == torch.bfloat16:
            t = torch.frombuffer(raw, dtype=torch.int16).view(torch.bfloat16) if raw else torch.empty(0, dtype=dtype)
        else:
            t = torch.frombuffer(raw, dtype=dtype) if raw else torch.empty(0, dtype=dtype)
        tensors[name] = t.reshape(info["shape"]).clone()
    return tensors


def build_model(name, weights, num_classes):
    import torchvision.models as models
    kwargs = {} if weights else {"num_classes": num_classes}
    if name == "googlenet" and not weights:
        kwargs.update(aux_logits=False, init_weights=True)
    return models.get_model(name, weights=weights, **kwargs)


def read_checkpoint(path):
    checkpoint = torch.load(path, map_location="cpu", weights_only=True)
    for key in ("state_dict", "model"):
        if isinstance(checkpoint, dict) and isinstance(checkpoint.get(key), dict):
            checkpoint = checkpoint[key]
    if not isinstance(checkpoint, dict) or not all(torch.is_tensor(v) for v in checkpoint.values()):
        raise SystemExit(f"{path} does not hold a state_dict (a dict of tensors)")
    return checkpoint


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--model", help="torchvision model name, e.g. resnet18, vgg11_bn, densenet121, googlenet, alexnet")
    source.add_argument("--state-dict", help="a torch.save'd state_dict (.pth), read with weights_only=True")
    parser.add_argument("--weights", help="torchvision weights enum member, e.g. IMAGENET1K_V1 (downloads)")
    parser.add_argument("--random", action="store_true", help="random initialization instead of trained weights")
    parser.add_argument("--seed", type=int, default=0, help="seed of --random (default 0)")
    parser.add_argument("--num-classes", type=int, default=1000, help="classes of a --random or --verify model (default 1000)")
    parser.add_argument("--strip-prefix", default="", help='removed from every key that starts with it, e.g. "module."')
    parser.add_argument("--dtype", choices=["float32", "float16", "bfloat16"], default="float32", help="floating-point tensors are written as this")
    parser.add_argument("--verify", metavar="FILE", help="load FILE strictly into --model (random init) instead of exporting")
    parser.add_argument("-o", "--output", help="the .safetensors file to write")
    args = parser.parse_args()

    if args.verify:
        model = build_model(args.model, None, args.num_classes)
        tensors = load_safetensors(args.verify)
        model.load_state_dict(tensors, strict=True)
        print(f"{args.verify}: {len(tensors)} tensors load strictly into {args.model} ({args.num_classes} classes)")
        return
    if not args.output:
        parser.error("-o/--output is required when exporting")
    if args.model:
        if args.random == bool(args.weights):
            parser.error("give --weights NAME or --random for --model")
        torch.manual_seed(args.seed)
        model = build_model(args.model, args.weights, args.num_classes).eval()
        state = model.state_dict()
        metadata = {"source": f"torchvision {args.model}", "weights": args.weights or f"random seed {args.seed}"}
    else:
        state = read_checkpoint(args.state_dict)
        metadata = {"source": args.state_dict}

    dtype = getattr(torch, args.dtype)
    tensors = {}
    for key, tensor in state.items():
        if args.strip_prefix and key.startswith(args.strip_prefix):
            key = key[len(args.strip_prefix):]
        tensors[key] = tensor.to(dtype) if tensor.is_floating_point() else tensor
    save_safetensors(tensors, args.output, metadata)
    total = sum(t.numel() for t in tensors.values() if t.is_floating_point())
    print(f"wrote {args.output}: {len(tensors)} tensors, {total:,} floating-point values")


if __name__ == "__main__":
    main()
