"""Self-supervised pre-training of the hashed-token embedding table on unlabelled judgments.

    python3 packages/legal-model/train/pretrain.py --tokens packages/legal-model/work/pretrain/tokens.u16 \
        --out packages/legal-model/work/pretrain/emb.npy --minutes 6 --threads 2

Skip-gram with negative sampling (word2vec) over the hashed token ids written by
scripts/prepare-pretrain.mjs (the runtime's tokenizer and hash; training-split UK and IN judgments and
the Australian judgments, never a validation judgment, never a summary). Frequent tokens are subsampled
(t = 1e-4), context windows are 1..window tokens either side and never cross a judgment boundary
(id 0), negatives are drawn from the unigram distribution to the power 0.75. Training runs for a fixed
number of steps or until the time budget is spent, whichever comes first; the input vectors are saved
as float32 [buckets, emb] (row 0, padding, is zero) for train.py --init-emb.
"""
import argparse
import json
import time

import numpy as np
import torch
import torch.nn.functional as F


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tokens", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--buckets", type=int, default=32768)
    ap.add_argument("--emb", type=int, default=64)
    ap.add_argument("--window", type=int, default=5)
    ap.add_argument("--negatives", type=int, default=5)
    ap.add_argument("--batch", type=int, default=16384)
    ap.add_argument("--lr", type=float, default=0.01)
    ap.add_argument("--subsample", type=float, default=1e-4)
    ap.add_argument("--steps", type=int, default=200000)
    ap.add_argument("--minutes", type=float, default=6.0)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()

    started = time.time()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)

    stream = np.fromfile(args.tokens, dtype="<u2").astype(np.int64)
    counts = np.bincount(stream[stream > 0], minlength=args.buckets).astype(np.float64)
    total = counts.sum()
    # word2vec subsampling: keep a token with probability sqrt(t / f) + t / f (capped at 1).
    f = counts / total
    keep_p = np.ones(args.buckets)
    nz = f > 0
    keep_p[nz] = np.minimum(1.0, np.sqrt(args.subsample / f[nz]) + args.subsample / f[nz])
    keep = (stream == 0) | (rng.random(len(stream)) < keep_p[stream])
    stream = stream[keep]
    # Document id of every position, so that windows never cross a judgment boundary.
    doc = np.cumsum(stream == 0)
    positions = np.flatnonzero(stream > 0)
    noise = counts ** 0.75
    noise[0] = 0
    # word2vec's unigram table: negatives are uniform draws from it.
    table = torch.from_numpy(np.repeat(np.arange(args.buckets), np.round(noise / noise.sum() * 1e7).astype(np.int64)))
    print(f"{int(total)} tokens, {len(positions)} after subsampling; {int((counts > 0).sum())} buckets used", flush=True)

    W_in = torch.nn.Embedding(args.buckets, args.emb)
    W_out = torch.nn.Embedding(args.buckets, args.emb)
    torch.nn.init.uniform_(W_in.weight, -0.5 / args.emb, 0.5 / args.emb)
    torch.nn.init.zeros_(W_out.weight)
    opt = torch.optim.SparseAdam(list(W_in.parameters()) + list(W_out.parameters()), lr=args.lr)
    W_in.sparse = True
    W_out.sparse = True
    stream_t = torch.from_numpy(stream)
    n = len(stream)

    step, seen, t0, running = 0, 0, time.time(), 0.0
    history = []
    while step < args.steps and (time.time() - started) / 60 < args.minutes:
        centre = positions[rng.integers(0, len(positions), args.batch)]
        off = rng.integers(1, args.window + 1, args.batch) * rng.choice(np.array([-1, 1]), args.batch)
        ctx = np.clip(centre + off, 0, n - 1)
        ok = (doc[ctx] == doc[centre]) & (stream[ctx] > 0)
        c = stream_t[torch.from_numpy(centre[ok])]
        o = stream_t[torch.from_numpy(ctx[ok])]
        neg = table[torch.from_numpy(rng.integers(0, len(table), (len(c), args.negatives)))]
        v = W_in(c)                                           # [B, E]
        u = W_out(torch.cat([o[:, None], neg], 1))            # [B, 1 + K, E]
        s = torch.bmm(u, v[:, :, None]).squeeze(-1)           # [B, 1 + K]
        loss = -(F.logsigmoid(s[:, 0]) + F.logsigmoid(-s[:, 1:]).sum(1)).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        step += 1
        seen += len(c)
        running = 0.98 * running + 0.02 * float(loss.detach()) if step > 1 else float(loss.detach())
        if step % 500 == 0:
            print(f"  step {step} pairs {seen} loss {running:.4f} ({time.time() - t0:.0f} s)", flush=True)
            history.append({"step": step, "pairs": seen, "loss": running, "seconds": time.time() - t0})

    emb = W_in.weight.detach().numpy().astype(np.float32)
    emb[0] = 0
    np.save(args.out, emb)
    report = {"args": vars(args), "tokens": int(total), "subsampled_positions": int(len(positions)), "steps": step,
              "pairs": seen, "final_loss": running, "seconds": time.time() - started, "history": history}
    with open(args.out.rsplit(".", 1)[0] + ".json", "w") as fh:
        json.dump(report, fh, indent=2)
    print(f"done: {step} steps, {seen} pairs, loss {running:.4f}, {(time.time() - started) / 60:.1f} min", flush=True)


if __name__ == "__main__":
    main()
