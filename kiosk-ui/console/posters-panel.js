// 张贴二维码: each grid's code to print on a poster; scanning it opens the phone page to file a
// request for that grid. Printing shows only the chosen poster (see the print rules in console.css).

import { h, renderKeyed } from '../common/dom.js';

export function createPostersPanel({ t }) {
  const list = h('div', { class: 'posters', testid: 'posters' });
  const el = h('section', { class: 'panel' }, h('h2', {}, t('posters.title')), h('p', { class: 'hint' }, t('posters.hint')), list);

  function print(card) {
    card.classList.add('print-target');
    document.body.classList.add('printing-poster');
    const done = () => {
      card.classList.remove('print-target');
      document.body.classList.remove('printing-poster');
      window.removeEventListener('afterprint', done);
    };
    window.addEventListener('afterprint', done);
    window.print();
  }

  function poster(grid) {
    const card = h('figure', { class: 'poster', testid: `poster-${grid.id}` },
      h('p', { class: 'poster-call' }, t('posters.call')),
      h('img', { class: 'poster-qr', testid: `poster-qr-${grid.id}`, alt: t('posters.alt', { grid: grid.name }),
        src: `/qr/${encodeURIComponent(grid.posterToken)}.svg` }),
      h('figcaption', { class: 'poster-grid' }, grid.name),
      h('p', { class: 'poster-hint' }, t('posters.steps')));
    card.append(h('button', { type: 'button', class: 'btn btn-primary no-print', testid: `poster-print-${grid.id}`, onclick: () => print(card) },
      t('posters.print')));
    return card;
  }

  return {
    el,
    update(overview) {
      const grids = (overview.grids || []).filter((g) => g.posterToken);
      renderKeyed(list, JSON.stringify(grids), () => (grids.length ? grids.map(poster) : h('p', { class: 'muted' }, t('posters.none'))));
    },
  };
}
