"""ROUGE-1/2 F1 of pre-tokenized summaries, computed by the evaluation package's TypeScript scorer.

Training only picks checkpoints with these numbers; the published table is produced by `npm run eval`
through the shipped ONNX model. Both use `rougeN` of `@amicus/eval`, so there is one ROUGE: this module
sends the token lists to `scripts/rouge.mjs` (Node, one process per call) and reads the scores back.
Needs `@amicus/eval` built (`npx turbo run build --filter=@amicus/legal-model...`).
"""
import json
import os
import subprocess

SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts", "rouge.mjs")


def rouge12(pairs):
    """[(candidate_tokens, reference_tokens), ...] -> [(rouge1_f1, rouge2_f1), ...] in the same order."""
    payload = "".join(json.dumps([list(c), list(r)]) + "\n" for c, r in pairs)
    run = subprocess.run(["node", SCRIPT], input=payload, capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"{SCRIPT} failed ({run.returncode}): {run.stderr.strip()}")
    scores = [tuple(json.loads(line)) for line in run.stdout.splitlines() if line.strip()]
    if len(scores) != payload.count("\n"):
        raise RuntimeError(f"{SCRIPT} returned {len(scores)} scores for {payload.count(chr(10))} summaries")
    return scores
