// 记名表决名单: who chose what in a named vote, asked for by the host (the room is never sent it).

import { h, replace } from '../common/dom.js';
import { errorText } from '../common/i18n.js';

export function createRollCall({ t, attempt, showError }) {
  const list = h('ol', { class: 'roll-call-list', testid: 'roll-call' });
  const button = h('button', { class: 'btn btn-small', testid: 'roll-call-show', onclick: show }, t('rollCall.show'));
  const el = h('div', { class: 'roll-call', hidden: true }, button, list);
  let voteId = null;

  async function show() {
    const { reply, error } = await attempt('rollCall', {});
    if (error) {
      showError(errorText(t, error));
      return;
    }
    const ballots = (reply && reply.ballots) || [];
    replace(list, ballots.length === 0
      ? h('li', { class: 'muted' }, t('rollCall.none'))
      : ballots.map((b) => h('li', { testid: `roll-call-${b.attendeeId}` },
        t('rollCall.line', { name: b.name, choice: t(`vote.${b.choice}`) }))));
  }

  return {
    el,
    /** Offered for a named vote only; a new vote clears the list shown for the last one. */
    update(vote) {
      el.hidden = !vote || vote.secret;
      const id = vote ? vote.id : null;
      if (id !== voteId) {
        voteId = id;
        replace(list);
      }
    },
  };
}
