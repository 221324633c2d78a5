import { defineWebExtConfig } from 'wxt';

// `wxt` dev mode would try to open a browser; start one yourself and load .output/chrome-mv3-dev.
export default defineWebExtConfig({ disabled: true });
