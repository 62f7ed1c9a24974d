"""Writes the token embedding table of a shipped ONNX model as a float32 .npy for `train.py --init-emb`.

A retrain on new features can start from the previous model's token vectors (themselves pre-trained by
skip-gram and fine-tuned on the training split only) instead of re-running pre-training; validation
judgments were never seen by either. The int8 table is dequantized with its scale and zero point.

    python3 emb_from_onnx.py --model ../model/model.onnx --out ../work/emb-1.3.0.npy
"""
import argparse

import numpy as np
import onnx
from onnx import numpy_helper


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    init = {i.name: numpy_helper.to_array(i) for i in onnx.load(args.model).graph.initializer}
    if "emb.weight" in init:
        table = init["emb.weight"].astype(np.float32)
    else:
        q = init["emb.weight_quantized"].astype(np.float32)
        table = (q - init["emb.weight_zero_point"].astype(np.float32)) * init["emb.weight_scale"].astype(np.float32)
    np.save(args.out, table.astype(np.float32))
    print(f"{args.out}: {table.shape[0]} x {table.shape[1]}, std {table.std():.4f}, distinct values {len(np.unique(table))}")


if __name__ == "__main__":
    main()
