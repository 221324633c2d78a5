import { SettingsPage } from '../../components/settings/SettingsPage';

export function App() {
  return (
    <div class="page">
      <header class="top">
        <h1>
          <img src="/icon/32.png" alt="" width="24" height="24" /> Bridges
        </h1>
      </header>
      <main>
        <SettingsPage />
      </main>
    </div>
  );
}
