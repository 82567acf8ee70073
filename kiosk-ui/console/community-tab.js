// The administrators' tab 社区与设备: the community's name, street, time zone and the language of
// its kiosks and displays; its grids and rooms (add, rename); and every kiosk, room display and
// notice board's display: pair a new one by the code its screen shows, rename, move, or stop (停用,
// confirmed in the page). Commands go to community.cmd; every list is read again after a change.

import { h, replace } from '../common/dom.js';
import { formatDateTime } from './format.js';

export const COMMUNITY_ADDRESS = 'community.cmd';
const KINDS = ['kiosk', 'roomDisplay', 'board'];
const LANGUAGES = ['zh-CN', 'en'];

const field = (id, label, input) => h('div', { class: 'field' }, h('label', { htmlFor: id }, label), input);
const options = (t, items, selected) => [
  h('option', { value: '' }, t('choose')),
  ...items.map((p) => h('option', { value: p.id, selected: p.id === selected }, p.name)),
];

/**
 * call(action, params) sends a community.cmd command and resolves to its reply, or null after the
 * error was shown. Returns {el, refresh()}.
 */
export function createCommunityTab({ t, call, showInfo }) {
  let grids = [];
  let rooms = [];

  const community = createCommunityForm({ t, call, showInfo });
  const gridList = createPlaceList({ t, call, showInfo, kind: 'grid', onSaved: () => refresh() });
  const roomList = createPlaceList({ t, call, showInfo, kind: 'room', onSaved: () => refresh() });
  const pairForm = createPairForm({ t, call, showInfo, places: (kind) => (kind === 'board' ? grids : rooms), onPaired: () => refresh() });
  const deviceBody = h('tbody', {});
  const devicesEmpty = h('p', { class: 'muted', hidden: true }, t('community.devices.empty'));
  const el = h('section', { class: 'community', role: 'tabpanel', testid: 'community-tab' },
    community.el,
    h('div', { class: 'cols' }, gridList.el, roomList.el),
    pairForm.el,
    h('section', { class: 'panel' }, h('h2', {}, t('community.devices.title')),
      h('table', { class: 'table', testid: 'device-list' },
        h('thead', {}, h('tr', {}, ['name', 'kind', 'place', 'status', 'change']
          .map((c) => h('th', { scope: 'col' }, t(`community.devices.col.${c}`))))),
        deviceBody),
      devicesEmpty));

  async function refresh() {
    const [c, g, r, d] = await Promise.all([call('getCommunity'), call('listGrids'), call('listRooms'), call('listDevices')]);
    if (c) community.update(c);
    if (g) grids = g.grids;
    if (r) rooms = r.rooms;
    gridList.update(grids);
    roomList.update(rooms);
    pairForm.update();
    if (d) {
      replace(deviceBody, d.devices.map((device) => deviceRow({ t, call, showInfo, device, grids, rooms, onChanged: refresh })));
      devicesEmpty.hidden = d.devices.length > 0;
    }
  }

  return { el, refresh };
}

function createCommunityForm({ t, call, showInfo }) {
  const name = h('input', { id: 'community-name', testid: 'community-name', maxLength: 60, required: true });
  const street = h('input', { id: 'community-street', testid: 'community-street', maxLength: 100 });
  const timeZone = h('input', { id: 'community-timezone', testid: 'community-timezone', maxLength: 64, required: true });
  // the language kiosks and displays speak, whatever language their browsers were installed in
  const language = h('select', { id: 'community-language', testid: 'community-language' },
    LANGUAGES.map((l) => h('option', { value: l }, t(`community.language.${l}`))));
  const save = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'community-save' }, t('community.save'));
  const el = h('form', { class: 'panel', onsubmit: onSave },
    h('h2', {}, t('community.title')),
    h('div', { class: 'cols three' }, field('community-name', t('community.name'), name),
      field('community-street', t('community.street'), street), field('community-timezone', t('community.timeZone'), timeZone)),
    h('div', { class: 'cols three' }, field('community-language', t('community.language'), language)),
    h('p', { class: 'hint' }, t('community.languageHint')),
    h('div', { class: 'row' }, save));

  async function onSave(event) {
    event.preventDefault();
    save.disabled = true;
    const reply = await call('saveCommunity', { name: name.value.trim(), street: street.value.trim(), timeZone: timeZone.value.trim(), language: language.value });
    save.disabled = false;
    if (reply) {
      shown = { name: name.value, street: street.value, timeZone: timeZone.value, language: language.value };
      showInfo(t('community.saved'));
    }
  }

  const fields = { name, street, timeZone, language };
  // the values last put in the fields (empty before the first answer): one that differs now was typed by the administrator
  let shown = { name: '', street: '', timeZone: '', language: language.value };

  return {
    el,
    /** Shows the saved community; a field the administrator has changed since is left as typed (a late answer must not undo typing). */
    update(c) {
      const next = {
        name: c.name || '', street: c.street || '', timeZone: c.timeZone || '',
        language: LANGUAGES.includes(c.language) ? c.language : LANGUAGES[0],
      };
      Object.entries(fields).forEach(([key, input]) => {
        if (input.value === shown[key]) input.value = next[key];
      });
      shown = next;
    },
  };
}

/** Grids or rooms: a list whose names can be changed in place, and a line to add one. */
function createPlaceList({ t, call, showInfo, kind, onSaved }) {
  const action = kind === 'grid' ? 'saveGrid' : 'saveRoom';
  const newName = h('input', { id: `${kind}-new-name`, testid: `${kind}-new-name`, maxLength: 40, required: true });
  const add = h('button', { type: 'submit', class: 'btn btn-primary', testid: `${kind}-add` }, t(`community.${kind}.add`));
  const body = h('tbody', {});
  const el = h('section', { class: 'panel', testid: `${kind}-list` },
    h('h2', {}, t(`community.${kind}.title`)),
    h('table', { class: 'table' }, body),
    h('form', { class: 'row', onsubmit: onAdd }, field(`${kind}-new-name`, t(`community.${kind}.newName`), newName), add));

  async function save(params, button) {
    button.disabled = true;
    const reply = await call(action, params);
    button.disabled = false;
    if (!reply) return false;
    showInfo(t('community.placeSaved', { name: reply[kind].name }));
    onSaved();
    return true;
  }

  async function onAdd(event) {
    event.preventDefault();
    if (await save({ name: newName.value.trim() }, add)) newName.value = '';
  }

  function row(place) {
    const input = h('input', { testid: `${kind}-name-${place.id}`, maxLength: 40, value: place.name, 'aria-label': t('community.name') });
    const button = h('button', { type: 'button', class: 'btn btn-small', testid: `${kind}-save-${place.id}`,
      onclick: () => save({ id: place.id, name: input.value.trim() }, button) }, t('community.rename'));
    return h('tr', { testid: `${kind}-row-${place.id}` },
      h('td', { class: 'strong', testid: `${kind}-text-${place.id}` }, place.name),
      h('td', {}, h('div', { class: 'row-actions' }, input, button)));
  }

  return { el, update: (places) => replace(body, places.map(row)) };
}

function createPairForm({ t, call, showInfo, places, onPaired }) {
  const code = h('input', { id: 'device-pair-code', testid: 'device-pair-code', inputMode: 'numeric', maxLength: 6,
    pattern: '[0-9]{6}', autocomplete: 'off', required: true });
  const kind = h('select', { id: 'device-pair-kind', testid: 'device-pair-kind', onchange: () => update() },
    KINDS.map((k) => h('option', { value: k }, t(`community.kind.${k}`))));
  const name = h('input', { id: 'device-pair-name', testid: 'device-pair-name', maxLength: 40, required: true });
  const place = h('select', { id: 'device-pair-place', testid: 'device-pair-place', required: true });
  const placeLabel = h('label', { htmlFor: 'device-pair-place' });
  const shared = h('input', { type: 'checkbox', id: 'device-pair-shared', testid: 'device-pair-shared' });
  const sharedField = h('label', { class: 'row', htmlFor: 'device-pair-shared' }, shared, t('community.shared'));
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'device-pair-submit' }, t('community.pair'));
  const el = h('form', { class: 'panel pair-form', onsubmit: onPair },
    h('h2', {}, t('community.pairTitle')),
    h('p', { class: 'hint' }, t('community.pairHint')),
    h('div', { class: 'cols' }, field('device-pair-code', t('community.code'), code), field('device-pair-kind', t('community.kind'), kind),
      field('device-pair-name', t('community.deviceName'), name), h('div', { class: 'field' }, placeLabel, place)),
    sharedField,
    h('div', { class: 'row' }, submit));

  let placesKey = '';
  function update() {
    const isBoard = kind.value === 'board';
    placeLabel.textContent = t(isBoard ? 'community.grid' : 'community.room');
    sharedField.hidden = kind.value !== 'kiosk';
    const list = places(kind.value);
    const key = kind.value + JSON.stringify(list);
    if (key !== placesKey) {
      placesKey = key;
      replace(place, options(t, list, place.value));
    }
  }

  async function onPair(event) {
    event.preventDefault();
    const params = { code: code.value.trim(), kind: kind.value, name: name.value.trim() };
    params[kind.value === 'board' ? 'gridId' : 'roomId'] = place.value;
    if (kind.value === 'kiosk') params.shared = shared.checked;
    submit.disabled = true;
    const reply = await call('pairDevice', params);
    submit.disabled = false;
    if (!reply) return;
    showInfo(t('community.paired', { name: reply.device.name }));
    code.value = '';
    name.value = '';
    onPaired();
  }

  return { el, update };
}

function statusText(t, d) {
  if (d.revoked) return t('community.status.revoked');
  if (d.online === true) return t('community.status.online');
  if (d.online === false) return d.lastSeenAt ? t('community.status.lastSeen', { time: formatDateTime(d.lastSeenAt) }) : t('community.status.offline');
  return t('community.status.enrolled');
}

/** One device: its name, kind, place and state; rename, move and stop it (stopping asks first). */
function deviceRow({ t, call, showInfo, device: d, grids, rooms, onChanged }) {
  const id = d.id;
  const places = d.kind === 'board' ? grids : rooms;
  const actions = h('div', { class: 'row-actions' });
  const tr = h('tr', { testid: `device-row-${id}`, 'data-revoked': String(d.revoked) },
    h('td', { class: 'strong', testid: `device-name-text-${id}` }, d.name, d.shared ? ` ${t('community.sharedMark')}` : ''),
    h('td', {}, t(`community.kind.${d.kind}`)),
    h('td', { testid: `device-place-text-${id}` }, (d.kind === 'board' ? d.gridName : d.roomName) || t('community.noPlace')),
    h('td', { testid: `device-status-${id}` }, statusText(t, d)),
    h('td', {}, actions));
  if (d.revoked) return tr;

  async function run(action, params, done) {
    const reply = await call(action, { id, ...params });
    if (!reply) return;
    showInfo(t(done, { name: reply.device.name }));
    onChanged();
  }

  const rename = h('input', { testid: `device-rename-${id}`, maxLength: 40, value: d.name, 'aria-label': t('community.deviceName') });
  const move = h('select', { testid: `device-place-${id}`, 'aria-label': t('community.place') },
    options(t, places, d.kind === 'board' ? d.gridId : d.roomId));
  const placeKey = d.kind === 'board' ? 'gridId' : 'roomId';
  const buttons = [
    rename,
    h('button', { type: 'button', class: 'btn btn-small', testid: `device-rename-save-${id}`,
      onclick: () => run('renameDevice', { name: rename.value.trim() }, 'community.renamed') }, t('community.rename')),
    move,
    h('button', { type: 'button', class: 'btn btn-small', testid: `device-move-${id}`,
      onclick: () => run('moveDevice', { [placeKey]: move.value }, 'community.moved') }, t('community.move')),
    h('button', { type: 'button', class: 'btn btn-small btn-danger', testid: `device-revoke-${id}`, onclick: askRevoke },
      t('community.revoke')),
  ];
  replace(actions, buttons);

  function askRevoke() {
    replace(actions, h('span', { class: 'strong', testid: `device-revoke-question-${id}` }, t('community.revokeQuestion', { name: d.name })),
      h('button', { type: 'button', class: 'btn btn-small btn-danger', testid: `device-revoke-confirm-${id}`,
        onclick: () => run('revokeDevice', {}, 'community.revoked') }, t('community.revokeConfirm')),
      h('button', { type: 'button', class: 'btn btn-small', testid: `device-revoke-cancel-${id}`,
        onclick: () => replace(actions, buttons) }, t('community.cancel')));
  }
  return tr;
}
