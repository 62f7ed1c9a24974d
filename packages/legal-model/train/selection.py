"""Sentence selection on pre-tokenized text (tokens are rouge_score-style: lowercase, Porter-stemmed).

The runtime's selection rule and the lead/TextRank baselines, used to pick checkpoints during training;
the summaries they make are scored by `scoring.rouge12` (the evaluation package's ROUGE).
"""
from collections import Counter
import math

import numpy as np


def cut(order, toks, words, budget):
    """Sentences in `order` until `budget` words, the last one cut (as the benchmark cuts to reference length);
    returned in document order."""
    picked, used = [], 0
    for i in order:
        if used >= budget:
            break
        take = toks[i]
        if used + words[i] > budget and words[i] > 0:
            take = take[: int(math.ceil(len(take) * (budget - used) / words[i]))]
        picked.append((i, take))
        used += words[i]
    picked.sort()
    return [t for _, ts in picked for t in ts]


def select(scores, toks, words, budget, redundancy=0.5, min_words=4):
    """The runtime's selection: best-scored sentences that fit the budget, skipping a sentence when more than
    `redundancy` of its trigrams are already selected, fragments (< min_words words) last; document order."""
    seen = set()
    picked, used = [], 0
    fragment = (np.asarray(words) < min_words).astype(np.int64)
    for i in np.lexsort((np.arange(len(scores)), -np.asarray(scores, dtype=np.float64), fragment)):
        if words[i] == 0 or used + words[i] > budget:
            continue
        tri = {tuple(toks[i][j : j + 3]) for j in range(len(toks[i]) - 2)}
        if tri and len(tri & seen) / len(tri) > redundancy:
            continue
        seen |= tri
        picked.append(i)
        used += words[i]
        if budget - used < 5:
            break
    picked.sort()
    return [t for i in picked for t in toks[i]]


def textrank_order(toks):
    n = len(toks)
    if n == 0:
        return []
    vocab = {}
    rows = []
    for t in toks:
        c = Counter(t)
        rows.append({vocab.setdefault(w, len(vocab)): v for w, v in c.items()})
    df = np.zeros(len(vocab))
    for r in rows:
        for k in r:
            df[k] += 1
    idf = np.log((n + 1) / (df + 1)) + 1
    m = np.zeros((n, len(vocab)), dtype=np.float32)
    for i, r in enumerate(rows):
        for k, v in r.items():
            m[i, k] = v * idf[k]
    m /= np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-9)
    sim = m @ m.T
    np.fill_diagonal(sim, 0)
    sim /= np.maximum(sim.sum(1, keepdims=True), 1e-9)
    p = np.full(n, 1.0 / n)
    for _ in range(30):
        p = 0.15 / n + 0.85 * sim.T @ p
    return list(np.argsort(-p, kind="stable"))
