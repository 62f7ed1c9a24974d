"""Train the Amicus extractive sentence scorer on the featurized legal-sum data and export it.

    python3 packages/legal-model/train/train.py --data packages/legal-model/work/data \
        --work packages/legal-model/work/run --model-dir packages/legal-model/model \
        [--init-emb packages/legal-model/work/pretrain/emb.npy]

Reads the arrays written by scripts/prepare-data.mjs (features from the runtime's own featurizer and
greedy-oracle labels), trains with a fixed seed on 2 CPU threads, keeps the epoch with the best mean
validation ROUGE-1 + ROUGE-2 over the UK and IN validation sets, exports ONNX (dynamic sentence and
token axes), quantizes it to int8 when that keeps validation quality, and writes the model directory
with its manifest. With --init-emb the token embedding table starts from the self-supervised
vectors of pretrain.py (pre-training on unlabelled judgments) instead of a random draw.
"""
import argparse
import hashlib
import json
import os
import random
import shutil
import time

import numpy as np
import torch
from torch import nn

from model import SentenceScorer
from scoring import rouge12
from selection import cut, select, textrank_order


def load_split(root, split, spec):
    d = os.path.join(root, split)
    docs = [json.loads(l) for l in open(os.path.join(d, "docs.jsonl"))]
    T, S = spec["maxTokens"], len(spec["scalars"])
    tokens = np.fromfile(os.path.join(d, "tokens.u16"), dtype="<u2").reshape(-1, T)
    scalars = np.fromfile(os.path.join(d, "scalars.f32"), dtype="<f4").reshape(-1, S)
    labels = np.fromfile(os.path.join(d, "labels.u8"), dtype=np.uint8)
    evals = None
    p = os.path.join(d, "eval.jsonl")
    if split == "val":
        evals = []
        for l in open(p):
            e = json.loads(l)
            evals.append({"dataset": e["dataset"], "words": e["words"], "toks": [t.split() for t in e["toks"]],
                          "ref": e["ref"].split(), "refWords": e["refWords"]})
    return docs, tokens, scalars, labels, evals


def batches(docs, max_sentences, rng):
    order = sorted(range(len(docs)), key=lambda i: docs[i]["n"])
    out, cur, width = [], [], 0
    for i in order:
        n = docs[i]["n"]
        if cur and max(width, n) * (len(cur) + 1) > max_sentences:
            out.append(cur)
            cur, width = [], 0
        cur.append(i)
        width = max(width, n)
    if cur:
        out.append(cur)
    rng.shuffle(out)
    return out


def make_batch(idx, docs, tokens, scalars, labels):
    n = max(docs[i]["n"] for i in idx)
    rows = [slice(docs[i]["offset"], docs[i]["offset"] + docs[i]["n"]) for i in idx]
    t_max = max(1, max(int((tokens[r] > 0).sum(1).max()) for r in rows))
    B = len(idx)
    tok = np.zeros((B, n, t_max), dtype=np.int64)
    sc = np.zeros((B, n, scalars.shape[1]), dtype=np.float32)
    lab = np.zeros((B, n), dtype=np.float32)
    for b, r in enumerate(rows):
        k = r.stop - r.start
        tok[b, :k] = tokens[r, :t_max]
        sc[b, :k] = scalars[r]
        lab[b, :k] = labels[r]
    lengths = torch.tensor([docs[i]["n"] for i in idx])
    return torch.from_numpy(tok), torch.from_numpy(sc), torch.from_numpy(lab), lengths


def predict(score_fn, docs, tokens, scalars):
    out = []
    for d in docs:
        r = slice(d["offset"], d["offset"] + d["n"])
        t_max = max(1, int((tokens[r] > 0).sum(1).max()))
        out.append(score_fn(tokens[r, :t_max].astype(np.int64), scalars[r]))
    return out


def mean_scores(groups):
    """{key: [(candidate, reference), ...]} -> {key: {"rouge1", "rouge2", "docs"}} (mean F1 per key), one scorer call."""
    keys = [k for k, pairs in groups.items() for _ in pairs]
    scores = rouge12([p for pairs in groups.values() for p in pairs])
    res = {}
    for k, (r1, r2) in zip(keys, scores):
        r = res.setdefault(k, [[], []])
        r[0].append(r1)
        r[1].append(r2)
    return {k: {"rouge1": float(np.mean(v[0])), "rouge2": float(np.mean(v[1])), "docs": len(v[0])} for k, v in res.items()}


def evaluate(scores, evals):
    groups = {}
    for s, e in zip(scores, evals):
        summary = select(s, e["toks"], e["words"], e["refWords"])
        groups.setdefault(e["dataset"], []).append((summary, e["ref"]))
    return mean_scores(groups)


def baselines(val_docs, val_labels, evals):
    groups = {}
    for d, e in zip(val_docs, evals):
        toks, words, b = e["toks"], e["words"], e["refWords"]
        lab = val_labels[d["offset"] : d["offset"] + d["n"]]
        methods = {
            "lead": cut(range(len(toks)), toks, words, b),
            "textrank": cut(textrank_order(toks), toks, words, b),
            "oracle": [t for i in range(len(toks)) if lab[i] for t in toks[i]],
        }
        for m, summary in methods.items():
            groups.setdefault((m, e["dataset"]), []).append((summary, e["ref"]))
    res = {}
    for (m, dataset), v in mean_scores(groups).items():
        res.setdefault(m, {})[dataset] = {"rouge1": v["rouge1"], "rouge2": v["rouge2"]}
    return res


def objective(metrics):
    return float(np.mean([m["rouge1"] + m["rouge2"] for m in metrics.values()]))


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def export(model, spec, feature_spec, args, va_docs, va_tok, va_sc, va_eval, m32):
    """Exports ONNX, quantizes, checks both on validation through onnxruntime, writes the model directory."""
    model.eval()

    # Export, then quantize if that keeps validation quality.
    fp32 = os.path.join(args.work, "model.fp32.onnx")
    int8 = os.path.join(args.work, "model.int8.onnx")
    ex_tok = torch.randint(1, spec["hashBuckets"], (7, 5))
    ex_sc = torch.rand(7, len(spec["scalars"]))
    torch.onnx.export(model, (ex_tok, ex_sc), fp32, dynamo=False, opset_version=17,
                      input_names=["tokens", "scalars"], output_names=["logits"],
                      dynamic_axes={"tokens": {0: "sentences", 1: "tokens"}, "scalars": {0: "sentences"}, "logits": {0: "sentences"}})
    from onnxruntime.quantization import QuantType, quantize_dynamic
    import onnxruntime as ort

    quantize_dynamic(fp32, int8, weight_type=QuantType.QInt8, reduce_range=True)

    def ort_metrics(path):
        so = ort.SessionOptions()
        so.intra_op_num_threads = args.threads
        sess = ort.InferenceSession(path, so, providers=["CPUExecutionProvider"])
        return evaluate(predict(lambda t, s: sess.run(None, {"tokens": t, "scalars": s})[0], va_docs, va_tok, va_sc), va_eval)

    m8 = ort_metrics(int8)  # fp32 ONNX equals the torch model up to float rounding: m32 is its score
    print("onnx int8", json.dumps(m8), flush=True)
    use_int8 = args.ship == "int8" or (args.ship == "auto" and objective(m8) >= objective(m32) - 0.002)
    chosen = int8 if use_int8 else fp32

    os.makedirs(args.model_dir, exist_ok=True)
    shutil.copyfile(chosen, os.path.join(args.model_dir, "model.onnx"))
    with open(os.path.join(args.model_dir, "features.json"), "w") as f:
        json.dump(feature_spec, f, indent=2)
        f.write("\n")
    files = [{"path": p, "sha256": sha256(os.path.join(args.model_dir, p)), "bytes": os.path.getsize(os.path.join(args.model_dir, p))}
             for p in ("model.onnx", "features.json")]
    manifest = {
        "name": "amicus-legal-extractive",
        "version": args.version,
        "task": "extractive-summarization",
        "description": "Scores each sentence of a court judgment for inclusion in an extractive summary.",
        "languages": ["en"],
        "files": files,
        "inputs": [
            {"name": "tokens", "type": "int64", "shape": ["sentences", "tokens"], "description": "hashed token ids per sentence, 0 = padding"},
            {"name": "scalars", "type": "float32", "shape": ["sentences", len(spec["scalars"])], "description": "per-sentence scalar features (features.json)"},
        ],
        "outputs": [{"name": "logits", "type": "float32", "shape": ["sentences"], "description": "inclusion score per sentence"}],
        "quantization": "int8 dynamic (reduce_range)" if use_int8 else "none",
        "features": feature_spec["version"],
    }
    with open(os.path.join(args.model_dir, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
    return {"val_fp32": m32, "onnx_int8": m8, "shipped": "int8" if use_int8 else "fp32",
            "bytes": {"fp32": os.path.getsize(fp32), "int8": os.path.getsize(int8)}}


def write_report(args, seconds, base, history, exported, tr_docs, va_docs, tr_lab, model):
    report = {
        "args": vars(args), "seconds": seconds, "baselines": base, "history": history, **exported,
        "train_docs": len(tr_docs), "val_docs": len(va_docs), "train_sentences": int(len(tr_lab)),
        "params": sum(p.numel() for p in model.parameters()),
    }
    with open(os.path.join(args.work, "report.json"), "w") as f:
        json.dump(report, f, indent=2)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--model-dir", required=True)
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--emb", type=int, default=64)
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--gru", type=int, default=96)
    ap.add_argument("--context", choices=["conv", "gru"], default="conv")
    ap.add_argument("--batch-sentences", type=int, default=4000)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--version", default="1.0.0")
    ap.add_argument("--max-minutes", type=float, default=50.0)
    ap.add_argument("--init-emb", help="float32 .npy [buckets, emb] from pretrain.py: initializes the token embedding table "
                    "(rescaled to the default initialization's standard deviation, 1); all weights are then fine-tuned")
    ap.add_argument("--ship", choices=["auto", "int8", "fp32"], default="auto",
                    help="auto: int8 when its validation score is within 0.002 of fp32")
    args = ap.parse_args()

    started = time.time()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    np.random.seed(args.seed)
    rng = random.Random(args.seed)
    os.makedirs(args.work, exist_ok=True)

    spec = json.load(open(os.path.join(args.data, "spec.json")))
    feature_spec = {k: spec[k] for k in ("version", "hashBuckets", "maxTokens", "scalars")}
    tr_docs, tr_tok, tr_sc, tr_lab, _ = load_split(args.data, "train", spec)
    va_docs, va_tok, va_sc, va_lab, va_eval = load_split(args.data, "val", spec)
    print(f"train {len(tr_docs)} docs / {len(tr_lab)} sentences ({tr_lab.mean():.3f} positive); val {len(va_docs)} docs", flush=True)

    cache = os.path.join(args.data, "baselines.json")
    if os.path.exists(cache):
        base = json.load(open(cache))
    else:
        base = baselines(va_docs, va_lab, va_eval)
        json.dump(base, open(cache, "w"), indent=2)
    print("baselines", json.dumps(base), flush=True)

    model = SentenceScorer(spec["hashBuckets"], len(spec["scalars"]), args.emb, args.hidden, args.gru, context=args.context)
    if args.init_emb:
        pre = torch.from_numpy(np.load(args.init_emb)).float()
        if tuple(pre.shape) != tuple(model.emb.weight.shape):
            raise SystemExit(f"--init-emb has shape {tuple(pre.shape)}, the model needs {tuple(model.emb.weight.shape)}")
        with torch.no_grad():
            model.emb.weight.copy_(pre / pre[1:].std().clamp(min=1e-8))
            model.emb.weight[0].zero_()
        print(f"token embeddings initialized from {args.init_emb}", flush=True)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    n_batches = len(batches(tr_docs, args.batch_sentences, random.Random(0)))
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.lr, total_steps=args.epochs * n_batches, pct_start=0.1)
    loss_fn = nn.BCEWithLogitsLoss(reduction="none")

    def torch_scores(tok, sc):
        with torch.no_grad():
            return model.score(torch.from_numpy(tok)[None], torch.from_numpy(sc)[None], bags=True)[0].numpy()

    best, best_state, history = -1.0, None, []
    for epoch in range(args.epochs):
        model.train()
        total, count, step, t0 = 0.0, 0, 0, time.time()
        for idx in batches(tr_docs, args.batch_sentences, rng):
            tok, sc, lab, lengths = make_batch(idx, tr_docs, tr_tok, tr_sc, tr_lab)
            logits = model.score(tok, sc, lengths, bags=True)
            mask = (torch.arange(lab.shape[1])[None, :] < lengths[:, None]).float()
            loss = (loss_fn(logits, lab) * mask).sum() / mask.sum()
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            total += float(loss.detach()) * float(mask.sum())
            count += float(mask.sum())
            step += 1
            if step % 100 == 0:
                print(f"  step {step}/{n_batches} loss {total / count:.4f} ({time.time() - t0:.0f} s)", flush=True)
        model.eval()
        metrics = evaluate(predict(torch_scores, va_docs, va_tok, va_sc), va_eval)
        obj = objective(metrics)
        history.append({"epoch": epoch + 1, "loss": total / count, "val": metrics, "seconds": time.time() - t0})
        print(f"epoch {epoch + 1} loss {total / count:.4f} val {json.dumps(metrics)} ({time.time() - t0:.0f} s)", flush=True)
        if obj > best:
            best, best_state = obj, {k: v.clone() for k, v in model.state_dict().items()}
            exported = export(model, spec, feature_spec, args, va_docs, va_tok, va_sc, va_eval, metrics)
            exported["epoch"] = epoch + 1
            train_seconds = time.time() - started
            write_report(args, train_seconds, base, history, exported, tr_docs, va_docs, tr_lab, model)
        if (time.time() - started) / 60 > args.max_minutes:
            print("time budget reached; stopping", flush=True)
            break
    write_report(args, time.time() - started, base, history, exported, tr_docs, va_docs, tr_lab, model)
    print(f"done in {(time.time() - started) / 60:.1f} min; shipped epoch {exported['epoch']} ({exported['shipped']})", flush=True)


if __name__ == "__main__":
    main()
