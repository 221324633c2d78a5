// Tells the card its height as the panel's frame does (lib/prep/frame.ts), so both are timed to the same signal.
new ResizeObserver(() => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  parent.postMessage(height, 'https://calendar.google.com');
}).observe(document.documentElement);
