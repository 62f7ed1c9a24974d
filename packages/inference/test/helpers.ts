import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The shipped model directory (packages/legal-model/model), used by the tests as the real model. */
export const shippedModelDir = fileURLToPath(new URL('../../legal-model/model', import.meta.url));

/** A real Indian Supreme Court judgment from the legal-sum training data (id 22, ~2,600 words). */
export const judgment = readFileSync(fileURLToPath(new URL('./fixtures/judgment-in.txt', import.meta.url)), 'utf8');

/**
 * A real UK Supreme Court judgment from the legal-sum training data (uk-abs id uksc-2012-0010, Hayes v
 * Willoughby [2013] UKSC 17, ~5,300 words): the majority dismisses the appeal ("I would dismiss the appeal."),
 * and the judgment ends on Lord Reed's dissent.
 */
export const dissentJudgment = readFileSync(fileURLToPath(new URL('./fixtures/judgment-uk-dissent.txt', import.meta.url)), 'utf8');
