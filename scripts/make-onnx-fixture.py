#!/usr/bin/python3
"""Builds the ONNX test fixture lib/connectors/onnx/fixtures/iris-linear-classifier.onnx.

A multinomial logistic regression trained on sklearn's iris data set, written
by hand as one `ai.onnx.ml` LinearClassifier node (no skl2onnx needed):
  input  "features"      float32 [N, 4]
  output "label"         string  [N]      (setosa, versicolor, virginica)
  output "probabilities" float32 [N, 3]   (softmax, columns in label order)
It also writes iris-samples.json: a few inputs with sklearn's own label and
probabilities, which the tests compare with onnxruntime's answers.

Needs Debian's python3-onnx and python3-sklearn (apt-get install -y python3-onnx
python3-sklearn), which install into /usr/bin/python3. Run from the repository
root:  /usr/bin/python3 scripts/make-onnx-fixture.py
The outputs are committed; CI never runs this.
"""
import json
import os

import numpy as np
import onnx
from onnx import TensorProto, helper
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression

OUT_DIR = os.path.join("lib", "connectors", "onnx", "fixtures")
LABELS = ["setosa", "versicolor", "virginica"]

iris = load_iris()
model = LogisticRegression(max_iter=1000, random_state=0).fit(iris.data, iris.target)

node = helper.make_node(
    "LinearClassifier",
    inputs=["features"],
    outputs=["label", "probabilities"],
    domain="ai.onnx.ml",
    coefficients=[float(c) for c in model.coef_.flatten()],
    intercepts=[float(i) for i in model.intercept_],
    classlabels_strings=LABELS,
    multi_class=1,
    post_transform="SOFTMAX",
)
graph = helper.make_graph(
    [node],
    "iris_linear_classifier",
    [helper.make_tensor_value_info("features", TensorProto.FLOAT, ["N", 4])],
    [
        helper.make_tensor_value_info("label", TensorProto.STRING, ["N"]),
        helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["N", 3]),
    ],
)
onnx_model = helper.make_model(
    graph,
    opset_imports=[helper.make_opsetid("", 13), helper.make_opsetid("ai.onnx.ml", 1)],
    producer_name="ratchet scripts/make-onnx-fixture.py",
)
onnx_model.ir_version = 8
onnx.checker.check_model(onnx_model)
onnx.save(onnx_model, os.path.join(OUT_DIR, "iris-linear-classifier.onnx"))

rows = [0, 1, 50, 51, 100, 101, 70, 83, 119, 133]
probabilities = model.predict_proba(iris.data[rows])
samples = [
    {
        "features": [float(v) for v in iris.data[r]],
        "label": LABELS[int(np.argmax(p))],
        "probabilities": [round(float(v), 6) for v in p],
    }
    for r, p in zip(rows, probabilities)
]
with open(os.path.join(OUT_DIR, "iris-samples.json"), "w") as f:
    json.dump({"labels": LABELS, "samples": samples}, f, indent=2)
    f.write("\n")
print("wrote", OUT_DIR)
