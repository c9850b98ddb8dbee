# Produces the expected values in Microsoft.ML.Cnn.Tests/Optimizers/OptimizerGoldens.cs with PyTorch:
# 19 weights w_i = 2 sin(i+1), loss sum (w - t)^2 with t_i = 0.5 cos(i), three optimizer steps.
# Run: /usr/bin/python3 tools/optimizer_goldens.py
import math
import torch

CASES = {
    "Sgd": lambda p: torch.optim.SGD(p, lr=0.1),
    "SgdMomentum": lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9),
    "SgdNesterov": lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, nesterov=True),
    "SgdMomentumL2": lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, weight_decay=0.01),
    "Adam": lambda p: torch.optim.Adam(p, lr=0.01),
    "AdamL2": lambda p: torch.optim.Adam(p, lr=0.01, weight_decay=0.1),
    "AdamW": lambda p: torch.optim.AdamW(p, lr=0.01, weight_decay=0.1),
    "RmsProp": lambda p: torch.optim.RMSprop(p, lr=0.01, alpha=0.99),
    "RmsPropMomentum": lambda p: torch.optim.RMSprop(p, lr=0.01, alpha=0.9, momentum=0.9),
}

for name, make in CASES.items():
    w = torch.tensor([2 * math.sin(i + 1) for i in range(19)], dtype=torch.float32, requires_grad=True)
    t = torch.tensor([0.5 * math.cos(i) for i in range(19)], dtype=torch.float32)
    opt = make([w])
    for _ in range(3):
        opt.zero_grad()
        ((w - t) ** 2).sum().backward()
        opt.step()
    values = ", ".join(f"{v:.9g}f" for v in w.detach().tolist())
    print(f'        ["{name}"] = [{values}],')
