// Opens the extension's database, reads the whole people store with one getAll(), writes the count into
// the page. The element carrying the Element Timing mark appears only with the count, so its paint is the
// paint of the data.
const request = indexedDB.open('bridges');
request.onsuccess = () => {
  const db = request.result;
  const all = db.transaction('people').objectStore('people').getAll();
  all.onsuccess = () => {
    const p = document.createElement('p');
    p.setAttribute('elementtiming', 'floor');
    p.textContent = `${all.result.length} people`;
    document.body.append(p);
  };
};
