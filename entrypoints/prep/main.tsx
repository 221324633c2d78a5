import { render } from 'preact';
import { createSender } from '../../lib/messaging-protocol';
import { browser } from '../../lib/popup/native-browser';
import { reportHeight } from '../../lib/prep/frame';
import { App } from './App';
import '../../components/theme.css';
import './style.css';

// "Before you meet", in a frame of Calendar's event card (lib/content/prep-frame.ts). Its address carries only a
// one-time token; the background answers with the panel's content for it.
const send = createSender(browser.runtime);
const root = document.getElementById('app');
if (root) render(<App hash={location.hash} send={send} />, root);
reportHeight(document, window.parent);
