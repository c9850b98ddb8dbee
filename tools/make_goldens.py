#!/usr/bin/python3
"""Writes the PyTorch golden test vectors in Microsoft.ML.Cnn.Tests/TestData/Goldens/.

Run from the repository root (CI never runs it; the fixtures are committed):

    /usr/bin/python3 tools/make_goldens.py

Needs PyTorch (tested with Debian's python3-torch 1.13) and NumPy. Everything is seeded, single-threaded and
computed in float64 from float32 inputs, so a re-run reproduces the files byte for byte on one machine and the
stored results are the exact answers rounded to float32 (no float32 summation order baked in).

Format: every case is a pair of files,
  <case>.json  the manifest (UTF-8 JSON), and
  <case>.bin   every tensor of the case, float32 little-endian, row-major, one after another.
Manifest fields:
  format      1
  case        the file stem
  op          what is tested: an op name for ops/ (see OP_NAMES) or "seed_cnn_training_step"
  attributes  op attributes (our conventions: NCHW, conv weight OIHW, linear weight [out, in], padding as
              [top, bottom, left, right], labels as float class indices, losses return the weighted mean)
  inputs      [{name, batched, differentiable}] in the op's input order; batched: the leading dimension is
              the batch (a graph may keep it symbolic)
  outputs     names of the op's outputs, in order
  upstream    {output name: tensor name} the random upstream gradient dL/d(output); the loss is
              L = sum over these outputs of sum(upstream * output)
  gradients   {input name: tensor name} dL/d(input) for every differentiable input
  tolerance   {forward: {abs, rel}, gradient: {abs, rel}} (the seed CNN adds update, for updated weights):
              pass when |actual - expected| <= abs + rel * |expected|
  tensors     [{name, shape, offset, length}]; offset and length count float32 elements in <case>.bin
Cases under ops/ test one op each; seed_cnn/ holds one training step of the seed CNN (see seed_cnn_case).
"""
import json
import os
import re
import sys

import numpy as np
import torch
import torch.nn.functional as F

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Microsoft.ML.Cnn.Tests", "TestData", "Goldens")
TIGHT = {"abs": 1e-4, "rel": 1e-4}
# A ReLU input this close to 0, or two max-pool candidates this close, could flip between float32 backends;
# the generator rejects such data so that every backend must agree with the stored gradients.
MIN_MARGIN = 1e-4


class Case:
    """Collects the tensors of one case and writes its manifest and blob."""

    def __init__(self, name, op, attributes, tolerance_forward=TIGHT, tolerance_gradient=TIGHT):
        self.manifest = {"format": 1, "case": name, "op": op, "attributes": attributes, "inputs": [], "outputs": [],
                         "upstream": {}, "gradients": {},
                         "tolerance": {"forward": tolerance_forward, "gradient": tolerance_gradient}, "tensors": []}
        self.blobs = []
        self.offset = 0

    def tensor(self, name, value):
        array = np.asarray(value.detach().numpy() if torch.is_tensor(value) else value, dtype=np.float64).astype("<f4")
        if any(t["name"] == name for t in self.manifest["tensors"]):
            raise ValueError(f"tensor {name} written twice")
        self.manifest["tensors"].append({"name": name, "shape": list(array.shape), "offset": self.offset,
                                         "length": int(array.size)})
        self.blobs.append(array.tobytes(order="C"))
        self.offset += array.size

    def write(self, folder):
        os.makedirs(folder, exist_ok=True)
        stem = os.path.join(folder, self.manifest["case"])
        with open(stem + ".bin", "wb") as f:
            f.write(b"".join(self.blobs))
        text = json.dumps(self.manifest, indent=1)
        text = re.sub(r"\[[^\[\]{}]*\]", lambda m: " ".join(m.group(0).split()), text)  # short lists on one line
        with open(stem + ".json", "w", encoding="utf-8") as f:
            f.write(text + "\n")


def f32(shape, scale=1.0, low=None, high=None):
    """A float32-representable float64 tensor: normal * scale, or uniform in [low, high)."""
    if low is not None:
        t = torch.rand(shape, dtype=torch.float32) * (high - low) + low
    else:
        t = torch.randn(shape, dtype=torch.float32) * scale
    return t.to(torch.float64)


def op_case(name, op, attributes, inputs, forward, tolerance_gradient=TIGHT, upstream_outputs=None, margin=None):
    """inputs: [(name, tensor, batched, differentiable)]; forward(*tensors) returns {output name: tensor}."""
    case = Case(name, op, attributes, TIGHT, tolerance_gradient)
    leaves = []
    for input_name, value, batched, differentiable in inputs:
        leaf = value.clone().requires_grad_(differentiable)
        leaves.append(leaf)
        case.manifest["inputs"].append({"name": input_name, "batched": batched, "differentiable": differentiable})
        case.tensor(input_name, value)
    outputs = forward(*leaves)
    if margin is not None and margin(*[l.detach() for l in leaves]) < MIN_MARGIN:
        raise ValueError(f"{name}: data has a near-tie below {MIN_MARGIN}; change the seed")
    loss = 0
    for output_name, value in outputs.items():
        case.manifest["outputs"].append(output_name)
        case.tensor(output_name, value)
        if upstream_outputs is None or output_name in upstream_outputs:
            upstream = f32(value.shape)
            case.manifest["upstream"][output_name] = "d_" + output_name
            case.tensor("d_" + output_name, upstream)
            loss = loss + (upstream * value).sum()
    loss.backward()
    for (input_name, _, _, differentiable), leaf in zip(inputs, leaves):
        if differentiable:
            case.manifest["gradients"][input_name] = "grad_" + input_name
            case.tensor("grad_" + input_name, leaf.grad)
    return case


def conv_cases():
    def conv(name, n, c, h, w, k, kh, kw, stride=(1, 1), padding=(0, 0, 0, 0), dilation=(1, 1), groups=1, bias=True):
        attributes = {"kernel": [kh, kw], "stride": list(stride), "padding": list(padding), "dilation": list(dilation),
                      "groups": groups, "has_bias": bias}
        inputs = [("x", f32((n, c, h, w)), True, True), ("w", f32((k, c // groups, kh, kw), 0.5), False, True)]
        if bias:
            inputs.append(("b", f32((k,), 0.5), False, True))

        def forward(x, weight, b=None):
            top, bottom, left, right = padding
            padded = F.pad(x, (left, right, top, bottom))  # F.pad lists the last dimension first
            return {"y": F.conv2d(padded, weight, b, stride=stride, dilation=dilation, groups=groups)}
        return op_case(name, "conv2d", attributes, inputs, forward)

    return [
        conv("conv2d_plain", 2, 3, 6, 6, 4, 3, 3),
        conv("conv2d_stride2", 2, 3, 7, 7, 4, 3, 3, stride=(2, 2), padding=(1, 1, 1, 1)),
        conv("conv2d_asymmetric_padding", 2, 2, 5, 6, 3, 3, 2, padding=(0, 1, 1, 0)),
        conv("conv2d_dilation2", 2, 2, 8, 8, 3, 3, 3, padding=(2, 2, 2, 2), dilation=(2, 2)),
        conv("conv2d_groups2", 2, 4, 5, 5, 6, 3, 3, padding=(1, 1, 1, 1), groups=2),
        conv("conv2d_depthwise", 2, 3, 6, 6, 6, 3, 3, padding=(1, 1, 1, 1), groups=3),
        conv("conv2d_no_bias", 2, 3, 5, 5, 4, 3, 3, padding=(1, 1, 1, 1), bias=False),
        conv("conv2d_pointwise_stride2", 2, 4, 5, 5, 3, 1, 1, stride=(2, 2)),
    ]


def window_gap(x, kernel, stride, padding):
    """Smallest gap between the largest and second-largest value of any max-pool window."""
    padded = F.pad(x, (padding, padding, padding, padding), value=-1e30)
    windows = padded.unfold(2, kernel, stride).unfold(3, kernel, stride).reshape(*padded.shape[:2], -1, kernel * kernel)
    top2 = windows.topk(2, dim=-1).values
    return float((top2[..., 0] - top2[..., 1]).min())


def pool_cases():
    cases = []
    for name, shape, kernel, stride, padding in [("max_pool2d_2x2", (2, 3, 6, 6), 2, 2, 0),
                                                 ("max_pool2d_3x3_stride2_pad1", (2, 2, 7, 7), 3, 2, 1),
                                                 ("max_pool2d_3x3_stride1_overlapping", (1, 2, 5, 5), 3, 1, 0)]:
        attributes = {"kernel": [kernel, kernel], "stride": [stride, stride], "padding": [padding] * 4, "ceil_mode": False}
        cases.append(op_case(name, "max_pool2d", attributes, [("x", f32(shape), True, True)],
                             lambda x, k=kernel, s=stride, p=padding: {"y": F.max_pool2d(x, k, s, p)},
                             margin=lambda x, k=kernel, s=stride, p=padding: window_gap(x, k, s, p)))
    for name, shape, kernel, stride, padding, include in [("avg_pool2d_2x2", (2, 3, 6, 6), 2, 2, 0, True),
                                                          ("avg_pool2d_pad_count_include_pad", (2, 2, 7, 7), 3, 2, 1, True),
                                                          ("avg_pool2d_pad_count_exclude_pad", (2, 2, 7, 7), 3, 2, 1, False)]:
        attributes = {"kernel": [kernel, kernel], "stride": [stride, stride], "padding": [padding] * 4,
                      "count_include_pad": include}
        cases.append(op_case(name, "avg_pool2d", attributes, [("x", f32(shape), True, True)],
                             lambda x, k=kernel, s=stride, p=padding, i=include:
                             {"y": F.avg_pool2d(x, k, s, p, count_include_pad=i)}))
    cases.append(op_case("global_avg_pool", "global_avg_pool", {}, [("x", f32((2, 4, 5, 5)), True, True)],
                         lambda x: {"y": torch.flatten(F.adaptive_avg_pool2d(x, 1), 1)}))
    return cases


def ceil_mode_window_gap(x, kernel, stride, padding):
    """window_gap for ceil_mode=True: the partial windows at the bottom and right edges count too."""
    out = F.max_pool2d(x, kernel, stride, padding, ceil_mode=True).shape[2:]
    padded = F.pad(x, (padding, padding + kernel, padding, padding + kernel), value=-1e30)
    windows = padded.unfold(2, kernel, stride).unfold(3, kernel, stride)[:, :, :out[0], :out[1]]
    top2 = windows.reshape(*x.shape[:2], -1, kernel * kernel).topk(2, dim=-1).values
    return float((top2[..., 0] - top2[..., 1]).min())


def ceil_mode_pool_cases():
    """max_pool2d with ceil_mode=True: partial windows at the bottom/right edges (added after the first cases, so
    their random draws do not shift the earlier fixtures)."""
    cases = []
    for name, shape, kernel, stride, padding in [("max_pool2d_3x3_stride2_ceil", (2, 2, 8, 8), 3, 2, 0),
                                                 ("max_pool2d_3x3_stride2_pad1_ceil", (1, 3, 8, 9), 3, 2, 1),
                                                 ("max_pool2d_2x2_ceil_odd", (2, 2, 5, 7), 2, 2, 0)]:
        attributes = {"kernel": [kernel, kernel], "stride": [stride, stride], "padding": [padding] * 4, "ceil_mode": True}
        cases.append(op_case(name, "max_pool2d", attributes, [("x", f32(shape), True, True)],
                             lambda x, k=kernel, s=stride, p=padding: {"y": F.max_pool2d(x, k, s, p, ceil_mode=True)},
                             margin=lambda x, k=kernel, s=stride, p=padding: ceil_mode_window_gap(x, k, s, p)))
    return cases


def l2_pool_cases():
    """L2 pooling as nn.LPPool2d(2, kernel, stride); padding made with F.pad (zeros), as for the convolutions."""
    cases = []
    for name, shape, kernel, stride, padding in [("lp_pool2d_norm2_2x2", (2, 3, 6, 6), (2, 2), (2, 2), (0, 0, 0, 0)),
                                                 ("lp_pool2d_norm2_3x3_stride2_pad1", (2, 2, 7, 7), (3, 3), (2, 2), (1, 1, 1, 1)),
                                                 ("lp_pool2d_norm2_3x2_asymmetric", (1, 2, 5, 6), (3, 2), (1, 2), (1, 0, 0, 1))]:
        attributes = {"kernel": list(kernel), "stride": list(stride), "padding": list(padding)}

        def forward(x, k=kernel, s=stride, p=padding):
            top, bottom, left, right = p
            return {"y": torch.nn.LPPool2d(2, k, s)(F.pad(x, (left, right, top, bottom)))}
        cases.append(op_case(name, "lp_pool2d", attributes, [("x", f32(shape), True, True)], forward))
    return cases


def local_response_norm_cases():
    """nn.LocalResponseNorm: the AlexNet paper's constants (size 5), and even size 4 (window off centre) with a large
    alpha so the normalization matters."""
    cases = []
    for name, shape, size, alpha, beta, k in [("local_response_norm_size5_alexnet", (2, 7, 3, 3), 5, 5e-4, 0.75, 2.0),
                                              ("local_response_norm_size5_strong", (2, 7, 3, 3), 5, 2.0, 0.75, 1.0),
                                              ("local_response_norm_size4", (2, 6, 3, 4), 4, 2.0, 0.75, 1.0)]:
        attributes = {"size": size, "alpha": alpha, "beta": beta, "k": k}
        cases.append(op_case(name, "local_response_norm", attributes, [("x", f32(shape, 1.5), True, True)],
                             lambda x, n=size, a=alpha, b=beta, c=k: {"y": torch.nn.LocalResponseNorm(n, a, b, c)(x)}))
    return cases


def dense_cases():
    return [
        op_case("linear", "linear", {"has_bias": True},
                [("x", f32((4, 6)), True, True), ("w", f32((5, 6), 0.5), False, True), ("b", f32((5,), 0.5), False, True)],
                lambda x, w, b: {"y": F.linear(x, w, b)}),
        op_case("linear_no_bias", "linear", {"has_bias": False},
                [("x", f32((3, 7)), True, True), ("w", f32((2, 7), 0.5), False, True)],
                lambda x, w: {"y": F.linear(x, w)}),
    ]


def activation_cases():
    nonzero = lambda x: float(x.abs().min())  # ReLU-like kinks at 0
    shape = (2, 3, 4, 4)
    return [
        op_case("relu", "eltwise", {"function": "relu", "alpha": 0.0}, [("x", f32(shape), True, True)],
                lambda x: {"y": F.relu(x)}, margin=nonzero),
        op_case("leaky_relu", "eltwise", {"function": "leaky_relu", "alpha": 0.1}, [("x", f32(shape), True, True)],
                lambda x: {"y": F.leaky_relu(x, 0.1)}, margin=nonzero),
        op_case("elu", "eltwise", {"function": "elu", "alpha": 0.7}, [("x", f32(shape), True, True)],
                lambda x: {"y": F.elu(x, 0.7)}, margin=nonzero),
        op_case("sigmoid", "eltwise", {"function": "sigmoid", "alpha": 0.0}, [("x", f32(shape, 2.0), True, True)],
                lambda x: {"y": torch.sigmoid(x)}),
        op_case("tanh", "eltwise", {"function": "tanh", "alpha": 0.0}, [("x", f32(shape, 2.0), True, True)],
                lambda x: {"y": torch.tanh(x)}),
        op_case("softmax", "softmax", {}, [("x", f32((4, 7), 2.0), True, True)],
                lambda x: {"y": F.softmax(x, dim=1)}),
    ]


def batch_norm_cases():
    eps, momentum = 1e-5, 0.1

    def training(name, shape):
        c = shape[1]
        running_mean, running_var = f32((c,), 0.5), f32((c,), low=0.5, high=1.5)
        updated_mean, updated_var = running_mean.clone(), running_var.clone()

        def forward(x, gamma, beta):
            axes = [0] + list(range(2, x.dim()))
            mean = x.mean(dim=axes)
            var = x.var(dim=axes, unbiased=False)
            y = F.batch_norm(x, updated_mean, updated_var, gamma, beta, training=True, momentum=momentum, eps=eps)
            return {"y": y, "mean": mean, "variance": var}
        case = op_case(name, "batch_norm_training", {"epsilon": eps, "momentum": momentum},
                       [("x", f32(shape, 1.5) + 0.3, True, True), ("gamma", f32((c,), low=0.5, high=1.5), False, True),
                        ("beta", f32((c,), 0.5), False, True)], forward, upstream_outputs=["y"])
        # PyTorch's update: running = (1 - momentum) running + momentum * batch, with the unbiased batch variance.
        for tensor_name, value in [("running_mean", running_mean), ("running_variance", running_var),
                                   ("updated_running_mean", updated_mean), ("updated_running_variance", updated_var)]:
            case.tensor(tensor_name, value)
        return case

    c = 3
    inference = op_case("batch_norm_inference", "batch_norm_inference", {"epsilon": eps},
                        [("x", f32((4, c, 3, 3)), True, True), ("gamma", f32((c,), low=0.5, high=1.5), False, False),
                         ("beta", f32((c,), 0.5), False, False), ("running_mean", f32((c,), 0.5), False, False),
                         ("running_variance", f32((c,), low=0.5, high=1.5), False, False)],
                        lambda x, g, b, m, v: {"y": F.batch_norm(x, m, v, g, b, training=False, eps=eps)})
    return [training("batch_norm_training_4d", (4, 3, 3, 3)), training("batch_norm_training_2d", (6, 5)), inference]


def labels(n, k):
    return torch.randint(0, k, (n,)).to(torch.float64)


def loss_cases():
    n, k = 6, 5
    cases = []
    for name, smoothing, class_weights in [("cross_entropy", 0.0, None), ("cross_entropy_label_smoothing", 0.1, None),
                                           ("cross_entropy_class_weights", 0.0, [0.5, 2.0, 1.0, 0.25, 1.5])]:
        weight = None if class_weights is None else torch.tensor(class_weights, dtype=torch.float64)
        cases.append(op_case(name, "cross_entropy", {"label_smoothing": smoothing, "class_weights": class_weights},
                             [("logits", f32((n, k), 2.0), True, True), ("labels", labels(n, k), True, False)],
                             lambda z, t, w=weight, s=smoothing:
                             {"loss": F.cross_entropy(z, t.long(), weight=w, label_smoothing=s)}))
    # Per-sample weights: the weighted mean sum(w_n l_n) / sum(w_n) (PyTorch has no per-sample weight argument).
    cases.append(op_case("cross_entropy_sample_weights", "cross_entropy", {"label_smoothing": 0.0, "class_weights": None},
                         [("logits", f32((n, k), 2.0), True, True), ("labels", labels(n, k), True, False),
                          ("sample_weights", f32((n,), low=0.2, high=2.0), True, False)],
                         lambda z, t, w: {"loss": (F.cross_entropy(z, t.long(), reduction="none") * w).sum() / w.sum()}))
    cases.append(op_case("binary_cross_entropy_with_logits", "binary_cross_entropy_with_logits", {},
                         [("logits", f32((8, 1), 2.0), True, True), ("targets", f32((8, 1), low=0.0, high=1.0), True, False)],
                         lambda z, t: {"loss": F.binary_cross_entropy_with_logits(z, t)}))
    cases.append(op_case("binary_cross_entropy_with_logits_sample_weights", "binary_cross_entropy_with_logits", {},
                         [("logits", f32((6, 3), 2.0), True, True), ("targets", f32((6, 3), low=0.0, high=1.0), True, False),
                          ("sample_weights", f32((6,), low=0.2, high=2.0), True, False)],
                         lambda z, t, w: {"loss": (F.binary_cross_entropy_with_logits(z, t, reduction="none").mean(1) * w).sum() / w.sum()}))
    cases.append(op_case("mse_loss", "mse_loss", {},
                         [("predictions", f32((5, 4)), True, True), ("targets", f32((5, 4)), True, False)],
                         lambda p, t: {"loss": F.mse_loss(p, t)}))
    cases.append(op_case("mse_loss_sample_weights", "mse_loss", {},
                         [("predictions", f32((5, 4)), True, True), ("targets", f32((5, 4)), True, False),
                          ("sample_weights", f32((5,), low=0.2, high=2.0), True, False)],
                         lambda p, t, w: {"loss": (F.mse_loss(p, t, reduction="none").mean(1) * w).sum() / w.sum()}))
    return cases


def structure_cases():
    return [op_case("cat_channels", "concat", {},
                    [("a", f32((2, 3, 4, 4)), True, True), ("b", f32((2, 2, 4, 4)), True, True),
                     ("c", f32((2, 1, 4, 4)), True, True)],
                    lambda a, b, c: {"y": torch.cat([a, b, c], dim=1)})]


class SeedCnn(torch.nn.Module):
    """Conv32 3x3 relu, MaxPool 2, Conv64 3x3 relu, MaxPool 2, Flatten, Dense128 relu, Dense10 on 1x28x28."""

    def __init__(self):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(1, 32, 3)
        self.conv2 = torch.nn.Conv2d(32, 64, 3)
        self.fc1 = torch.nn.Linear(64 * 5 * 5, 128)
        self.fc2 = torch.nn.Linear(128, 10)

    def forward(self, x, record=None):
        z1 = self.conv1(x)
        p1 = F.max_pool2d(F.relu(z1), 2)
        z2 = self.conv2(p1)
        p2 = F.max_pool2d(F.relu(z2), 2)
        z3 = self.fc1(torch.flatten(p2, 1))
        if record is not None:
            record.extend([(z1, None), (F.relu(z1), 2), (z2, None), (F.relu(z2), 2), (z3, None)])
        return self.fc2(F.relu(z3))


def seed_cnn_margin(model, x):
    """Smallest |pre-activation| of any ReLU and smallest positive top-2 gap of any max-pool window."""
    record = []
    with torch.no_grad():
        model(x, record)
    margin = float("inf")
    for value, pool in record:
        if pool is None:
            margin = min(margin, float(value.abs().min()))
        else:
            windows = value.unfold(2, 2, 2).unfold(3, 2, 2).reshape(*value.shape[:2], -1, 4)
            top2 = windows.topk(2, dim=-1).values
            gaps = (top2[..., 0] - top2[..., 1])[top2[..., 0] > 0]  # all-zero windows pass no gradient
            margin = min(margin, float(gaps.min()))
    return margin


SEED_CNN_LABELS = [3, 1, 4, 1, 5, 9, 2, 6]
# Our names (layers conv2d_1, conv2d_2, dense_1, dense_2) for PyTorch's state-dict names.
SEED_CNN_NAMES = {"conv1": "conv2d_1", "conv2": "conv2d_2", "fc1": "dense_1", "fc2": "dense_2"}


def seed_cnn_case():
    """One training step of the seed CNN: weights, logits, loss, gradients, and weights after Adam and SGD steps.

    Extra manifest fields: parameters (PyTorch name, tensor names of the initial value, gradient and updated values),
    optimizers (their settings), and losses_after (the loss on the same batch after 1 and 2 further steps of each
    optimizer, which exercises the moment buffers)."""
    torch.manual_seed(1234)
    model = SeedCnn().to(torch.float32)
    initial = {k: v.detach().clone() for k, v in model.state_dict().items()}  # float32 PyTorch default init
    model = model.to(torch.float64)
    for attempt in range(100):  # re-draw the batch until no ReLU gate or max-pool winner is a near-tie
        x = torch.rand((8, 1, 28, 28), dtype=torch.float32).to(torch.float64)
        if seed_cnn_margin(model, x) >= 2e-6:
            break
    else:
        raise ValueError("no batch without near-ties found")
    y = torch.tensor(SEED_CNN_LABELS, dtype=torch.float64)
    case = Case("seed_cnn_training_step", "seed_cnn_training_step",
                {"input_shape": [1, 28, 28], "classes": 10, "batch": 8, "loss": "cross_entropy",
                 "name_map": SEED_CNN_NAMES, "batch_redraws": attempt},
                {"abs": 1e-5, "rel": 1e-4}, {"abs": 1e-6, "rel": 1e-3})
    # Updated weights move by about lr per Adam step; 2e-5 is 2% of one step.
    case.manifest["tolerance"]["update"] = {"abs": 2e-5, "rel": 1e-4}
    case.manifest["inputs"] = [{"name": "x", "batched": True, "differentiable": False},
                               {"name": "labels", "batched": True, "differentiable": False}]
    case.manifest["outputs"] = ["logits", "loss"]
    case.tensor("x", x)
    case.tensor("labels", y)
    for name, value in initial.items():
        case.tensor("initial." + name, value)

    optimizers = {"adam": {"learning_rate": 1e-3, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8},
                  "sgd": {"learning_rate": 0.1, "momentum": 0.9}}
    case.manifest["optimizers"] = optimizers
    case.manifest["losses_after"] = {}
    make = {"adam": lambda p: torch.optim.Adam(p, lr=1e-3, betas=(0.9, 0.999), eps=1e-8),
            "sgd": lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9)}
    for optimizer_name in ["adam", "sgd"]:
        model.load_state_dict({k: v.to(torch.float64) for k, v in initial.items()})
        optimizer = make[optimizer_name](model.parameters())
        losses = []
        for step in range(3):
            optimizer.zero_grad()
            logits = model(x)
            loss = F.cross_entropy(logits, y.long())
            loss.backward()
            if step == 0 and optimizer_name == "adam":
                case.tensor("logits", logits)
                case.tensor("loss", loss)
                for name, p in model.named_parameters():
                    case.tensor("grad." + name, p.grad)
            if step > 0:
                losses.append(float(loss))
            optimizer.step()
            if step == 0:
                for name, p in model.named_parameters():
                    case.tensor(optimizer_name + "." + name, p)
        case.manifest["losses_after"][optimizer_name] = losses
    case.manifest["parameters"] = [{"torch": name, "initial": "initial." + name, "gradient": "grad." + name,
                                    "adam": "adam." + name, "sgd": "sgd." + name} for name in initial]
    return case


def main():
    torch.set_num_threads(1)
    torch.manual_seed(0)
    cases = conv_cases() + pool_cases() + dense_cases() + activation_cases() + batch_norm_cases() + loss_cases() + structure_cases()
    cases += ceil_mode_pool_cases() + l2_pool_cases() + local_response_norm_cases()
    for case in cases:
        case.write(os.path.join(ROOT, "ops"))
    seed_cnn_case().write(os.path.join(ROOT, "seed_cnn"))
    print(f"wrote {len(cases)} op cases and the seed CNN step to {os.path.normpath(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
