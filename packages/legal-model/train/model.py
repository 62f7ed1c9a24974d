"""Sentence scorer that reads every sentence in the context of its whole judgment.

tokens [N, T] (hashed token ids, 0 = padding) and scalars [N, S] for the N sentences of one document
-> per-sentence logit [N]. Sentence encoder: hashed-token embeddings, masked mean + max pooling,
concatenated with the scalar features; document encoder: a bidirectional GRU over the sentence
sequence (or a stack of residual dilated convolutions over it) plus a document vector (masked mean of sentence
states); a small MLP scores each sentence.
"""
import torch
import torch.nn.functional as F
from torch import nn


class SentenceScorer(nn.Module):
    def __init__(self, buckets: int, n_scalars: int, emb: int = 64, hidden: int = 128, gru: int = 96, dropout: float = 0.1,
                 context: str = "conv", dilations=(1, 2, 4, 8)):
        super().__init__()
        self.context = context
        self.emb = nn.Embedding(buckets, emb, padding_idx=0)
        self.sent = nn.Sequential(nn.Linear(2 * emb + n_scalars, hidden), nn.ReLU(), nn.Dropout(dropout))
        if context == "gru":
            self.gru = nn.GRU(hidden, gru, batch_first=True, bidirectional=True)
            ctx = 2 * gru
        else:
            self.convs = nn.ModuleList(nn.Conv1d(hidden, hidden, 3, padding=d, dilation=d) for d in dilations)
            self.drop = nn.Dropout(dropout)
            ctx = hidden
        self.head = nn.Sequential(
            nn.Linear(ctx + 2 * hidden, hidden), nn.ReLU(), nn.Dropout(dropout), nn.Linear(hidden, 1)
        )

    def sentences(self, tokens: torch.Tensor, scalars: torch.Tensor, bags: bool = False) -> torch.Tensor:
        # tokens [B, N, T], scalars [B, N, S] -> [B, N, hidden]
        if bags:
            # Same arithmetic as below without materializing [B, N, T, emb] (training speed); not exportable.
            B, N, T = tokens.shape
            flat = tokens.reshape(B * N, T)
            mean = F.embedding_bag(flat, self.emb.weight, mode="mean", padding_idx=0).view(B, N, -1)
            mx = F.embedding_bag(flat, self.emb.weight, mode="max", padding_idx=0).view(B, N, -1)
            return self.sent(torch.cat([mean, mx, scalars], -1))
        mask = (tokens > 0).to(scalars.dtype).unsqueeze(-1)
        e = self.emb(tokens)
        count = mask.sum(-2)
        mean = (e * mask).sum(-2) / count.clamp(min=1.0)
        mx = (e + (mask - 1.0) * 1e4).max(-2).values * (count > 0).to(scalars.dtype)
        return self.sent(torch.cat([mean, mx, scalars], -1))

    def score(self, tokens, scalars, lengths=None, bags: bool = False):
        h = self.sentences(tokens, scalars, bags)
        B, N, _ = h.shape
        if self.context != "gru":
            if lengths is None:
                m = torch.ones_like(h[..., :1])
                doc = h.mean(1, keepdim=True)
            else:
                m = (torch.arange(N, device=h.device)[None, :] < lengths[:, None]).to(h.dtype).unsqueeze(-1)
                doc = (h * m).sum(1, keepdim=True) / lengths[:, None, None].to(h.dtype)
            x = h.transpose(1, 2)
            mt = m.transpose(1, 2)
            for conv in self.convs:
                x = (x + torch.relu(conv(x))) * mt
            g = self.drop(x.transpose(1, 2))
        elif lengths is None:
            g, _ = self.gru(h)
            doc = h.mean(1, keepdim=True)
        else:
            packed = nn.utils.rnn.pack_padded_sequence(h, lengths.cpu(), batch_first=True, enforce_sorted=False)
            g, _ = self.gru(packed)
            g, _ = nn.utils.rnn.pad_packed_sequence(g, batch_first=True, total_length=N)
            m = (torch.arange(N, device=h.device)[None, :] < lengths[:, None]).to(h.dtype).unsqueeze(-1)
            doc = (h * m).sum(1, keepdim=True) / lengths[:, None, None].to(h.dtype)
        return self.head(torch.cat([g, h, h * doc], -1)).squeeze(-1)

    def forward(self, tokens: torch.Tensor, scalars: torch.Tensor) -> torch.Tensor:
        # ONNX entry point: one document. tokens [N, T] int64, scalars [N, S] float32 -> logits [N]
        return self.score(tokens.unsqueeze(0), scalars.unsqueeze(0)).squeeze(0)
