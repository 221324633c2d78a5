import { useEffect, useState } from 'preact/hooks';
import { AuditPage } from '../../components/manage/AuditPage';
import { DataPage } from '../../components/manage/DataPage';
import { GratitudePage } from '../../components/manage/GratitudePage';
import { GroupsPage } from '../../components/manage/GroupsPage';
import { PersonPage } from '../../components/manage/PersonPage';
import { TrendsPage } from '../../components/manage/TrendsPage';
import { WelcomePage } from '../../components/manage/WelcomePage';
import { SettingsPage } from '../../components/settings/SettingsPage';
import { useManageData } from '../../lib/manage/use-manage-data';

const TABS = [
  ['people', 'Relationships'],
  ['groups', 'Groups'],
  ['thanks', 'Thanks owed'],
  ['trends', 'Trends'],
  ['data', 'Your data'],
  ['settings', 'Settings'],
] as const;

function useRoute(): string[] {
  const read = () => (location.hash.replace(/^#\/?/, '') || 'people').split('/').map(decodeURIComponent);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const listener = () => {
      const next = read();
      setRoute((shown) => (shown.join('/') === next.join('/') ? shown : next));
    };
    window.addEventListener('hashchange', listener);
    listener(); // the hash may have changed between the first render and this effect, with no one listening
    return () => window.removeEventListener('hashchange', listener);
  }, []);
  return route;
}

export function App() {
  const [page, arg] = useRoute();
  const data = useManageData();
  const tab = page === 'person' ? 'people' : page;
  return (
    <div class="page">
      <header class="top">
        <h1>
          <img src="/icon/32.png" alt="" width="24" height="24" /> Bridges
        </h1>
        <nav class="tabs" aria-label="Sections">
          {TABS.map(([id, label]) => (
            <a key={id} href={`#/${id}`} aria-current={tab === id ? 'page' : undefined}>
              {label}
            </a>
          ))}
        </nav>
      </header>
      <main>
        {page === 'settings' ? (
          <SettingsPage data={data} />
        ) : !data ? (
          <p class="muted">Reading your relationships…</p>
        ) : page === 'person' && arg ? (
          <PersonPage key={arg} data={data} email={arg} />
        ) : page === 'groups' ? (
          <GroupsPage data={data} />
        ) : page === 'thanks' ? (
          <GratitudePage data={data} />
        ) : page === 'trends' ? (
          <TrendsPage data={data} />
        ) : page === 'data' ? (
          <DataPage data={data} />
        ) : page === 'welcome' ? (
          <WelcomePage data={data} />
        ) : (
          <AuditPage data={data} />
        )}
      </main>
    </div>
  );
}
