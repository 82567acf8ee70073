// The joined phone's one addition to the kiosk page it runs: the moment a ballot appears, the page
// scrolls back to its top, where meeting.css puts the ballot — an attendee who had scrolled down
// to read the meeting would otherwise miss the vote.

const watched = document.getElementById('app');
let shown = false;

function ballotShown() {
  const panel = watched.querySelector('.vote-panel');
  return !!panel && !panel.hidden && !!panel.querySelector('.choices');
}

new MutationObserver(() => {
  const now = ballotShown();
  if (now && !shown) window.scrollTo({ top: 0, behavior: 'instant' });
  shown = now;
}).observe(watched, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
