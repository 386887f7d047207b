// Registers the service worker (/sw.js), which keeps the app shell for use as an app on a phone.
if ('serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // Without it the app works as a plain web site; nothing to tell the user.
    });
  });
}
