// Stands in for Google Calendar's own script in the saved pages (test harness only): clicking a chip opens
// the event card built from a saved card (a <template data-card-for="<data-eventid>">), reusing the one
// #xDetDlg element between events as Calendar does. With ?rerender in the URL it also re-renders the card's
// toolbar and content several times after opening, dropping nodes it did not make, as Calendar does while
// Meet, notes and guest photos load.
(() => {
  const rerender = new URLSearchParams(location.search).has('rerender');
  let timers = [];

  function template(id) {
    return document.querySelector(`template[data-card-for="${id}"]`);
  }

  function fill(card, source) {
    for (const name of card.getAttributeNames()) card.removeAttribute(name);
    for (const name of source.getAttributeNames()) card.setAttribute(name, source.getAttribute(name));
    card.replaceChildren(...Array.from(source.cloneNode(true).childNodes));
  }

  function open(id) {
    const tpl = template(id);
    if (!tpl) return;
    const fresh = tpl.content.cloneNode(true);
    let card = document.getElementById('xDetDlg');
    if (!card) {
      document.body.append(fresh);
      card = document.getElementById('xDetDlg');
    } else {
      fill(card, fresh.querySelector('#xDetDlg'));
    }
    card.closest('.I2Yrs').style.display = '';
    for (const t of timers) clearTimeout(t);
    timers = [];
    window.__rerenders = 0;
    if (rerender) {
      for (const delay of [20, 60, 150, 400, 800]) {
        timers.push(
          setTimeout(() => {
            const again = tpl.content.cloneNode(true).querySelector('#xDetDlg');
            const bar = card.querySelector('.pPTZAe');
            bar?.replaceWith(again.querySelector('.pPTZAe'));
            const content = card.querySelector('.hMdQi');
            content?.replaceWith(again.querySelector('.hMdQi'));
            window.__rerenders = (window.__rerenders ?? 0) + 1;
          }, delay),
        );
      }
    }
  }

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (target?.closest('#xDetDlgCloseBu')) {
      const container = document.querySelector('.I2Yrs');
      if (container) container.style.display = 'none';
      return;
    }
    const chip = target?.closest('[data-eventchip][data-eventid]');
    if (chip) open(chip.getAttribute('data-eventid'));
  });
  window.__calendarSimReady = true;
})();
