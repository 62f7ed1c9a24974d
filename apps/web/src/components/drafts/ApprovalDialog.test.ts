// @vitest-environment happy-dom
// The approval dialog: it shows the review of the version (counts, the word changes, the signing
// gate), asks for an explicit confirmation before it lets the judge approve, and offers no approval
// while the signing gate refuses the version.
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { graphqlClientKey } from '../../graphql/api';
import type { GraphQLClient } from '../../graphql/client';
import type { DraftReviewQuery } from '../../graphql/generated';
import { applyLocale } from '../../i18n';
import { i18n } from '../../i18n/instance';
import ApprovalDialog from './ApprovalDialog.vue';

type Review = NonNullable<NonNullable<DraftReviewQuery['draft']>['review']>;

beforeAll(() => {
  // happy-dom's <dialog> has no modal mode; showModal/close only toggle `open` here.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
});
afterEach(() => applyLocale(i18n, 'en'));

const changed: Review = {
  version: 3,
  identical: false,
  counts: { wordsInserted: 9, wordsDeleted: 2, wordsUnchanged: 120, linesInserted: 1, linesDeleted: 1, changedRatio: 0.016 },
  changes: [
    { type: 'equal', text: 'The appeal is ' },
    { type: 'delete', text: 'allowed' },
    { type: 'insert', text: 'dismissed' },
    { type: 'equal', text: '.' },
  ],
  gateOk: true,
  offending: [],
};

/** A GraphQL client answering the DraftReview query with `review`, recording what was asked. */
function reviewClient(review: Review) {
  const asked: unknown[] = [];
  const client: GraphQLClient = {
    async request(document, variables) {
      asked.push({ operation: document.operationName, variables });
      return { draft: { id: 'd1', review } } as never;
    },
  };
  return { client, asked };
}

function open(review: Review) {
  const { client, asked } = reviewClient(review);
  const wrapper = mount(ApprovalDialog, {
    props: { open: true, draftId: 'd1', version: review.version },
    global: { plugins: [i18n], provide: { [graphqlClientKey as symbol]: client } },
    attachTo: document.body,
  });
  return { wrapper, asked };
}

describe('ApprovalDialog', () => {
  it('shows the change from the machine text and approves only after an explicit confirmation', async () => {
    const { wrapper, asked } = open(changed);
    await flushPromises();
    expect(asked).toEqual([{ operation: 'DraftReview', variables: { id: 'd1', version: 3 } }]);
    expect(wrapper.get('h2').text()).toBe('Approve version 3');
    expect(wrapper.get('[data-testid="approval-counts"]').text()).toBe('9 words added, 2 removed, 120 kept (2% of the machine text changed).');
    expect(wrapper.get('[data-testid="approval-diff"] ins').text()).toContain('dismissed');
    expect(wrapper.get('[data-testid="approval-diff"] del').text()).toContain('allowed');
    expect(wrapper.get('[data-testid="approval-gate"]').text()).toContain('Every machine-made sentence has a valid source');

    await wrapper.get('[data-testid="approval-confirm"]').trigger('submit');
    await wrapper.get('form').trigger('submit');
    expect(wrapper.emitted('confirm')).toBeUndefined();
    expect(wrapper.get('[role="alert"]').text()).toBe('Confirm that you have read this version.');

    await wrapper.get('#approval-confirm').setValue(true);
    await wrapper.get('form').trigger('submit');
    expect(wrapper.emitted('confirm')).toHaveLength(1);
    wrapper.unmount();
  });

  it('lists the sentences the signing gate refuses and offers no approval', async () => {
    const { wrapper } = open({
      ...changed,
      gateOk: false,
      offending: [{ sectionId: 'reasons', paragraph: 0, text: 'See Smith v Jones [2099] UKSC 99.', problems: [{ code: 'CITATION_NOT_IN_RECORD', message: 'x' }] }],
    });
    await flushPromises();
    const gate = wrapper.get('[data-testid="approval-gate"]').text();
    expect(gate).toContain('Approval is blocked: 1 sentence(s) need attention.');
    expect(gate).toContain('[2099] UKSC 99');
    expect(wrapper.find('[data-testid="approval-confirm"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('speaks Chinese when the interface is in Chinese', async () => {
    applyLocale(i18n, 'zh-CN');
    const { wrapper } = open({ ...changed, identical: true, changes: [] });
    await flushPromises();
    expect(wrapper.get('h2').text()).toBe('批准第 3 版');
    expect(wrapper.get('[data-testid="approval-counts"]').text()).toBe('此版本就是机器生成的文本，未作修改。');
    expect(wrapper.get('label[for="approval-confirm"]').text()).toBe('我已阅读此版本，并批准其作为法院文书。');
    wrapper.unmount();
  });
});
