# Writes the embedded Fashion-MNIST subset: the FIRST 6,000 training and FIRST 1,000 test images and labels of the
# real IDX files, as gzipped IDX files in Microsoft.ML.Cnn/Data/FashionMnistSubset/ (deterministic: gzip mtime 0).
# Run from the repository root: python3 tools/make_fashion_mnist_subset.py [/usr/share/datasets/fashion-mnist]
import gzip
import os
import struct
import sys

SOURCE = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"
TARGET = os.path.join("Microsoft.ML.Cnn", "Data", "FashionMnistSubset")
COUNTS = {"train": 6000, "t10k": 1000}


def take(name, count):
    with gzip.open(os.path.join(SOURCE, name + ".gz"), "rb") as f:
        data = f.read()
    assert data[0] == 0 and data[1] == 0 and data[2] == 0x08, f"{name}: not an unsigned-byte IDX file"
    rank = data[3]
    dims = list(struct.unpack(">" + "i" * rank, data[4:4 + 4 * rank]))
    item = 1
    for d in dims[1:]:
        item *= d
    header = bytes([0, 0, 0x08, rank]) + struct.pack(">" + "i" * rank, count, *dims[1:])
    body = data[4 + 4 * rank: 4 + 4 * rank + count * item]
    with open(os.path.join(TARGET, name + ".gz"), "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as out:
            out.write(header + body)


os.makedirs(TARGET, exist_ok=True)
for prefix, count in COUNTS.items():
    take(f"{prefix}-images-idx3-ubyte", count)
    take(f"{prefix}-labels-idx1-ubyte", count)
print("wrote", sorted(os.listdir(TARGET)))
