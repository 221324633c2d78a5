import { type FunctionComponent, h } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component whose code loads on first use: what the popup needs only after a click (the contact form, the
 * actions panel) is not part of what every open loads. Renders nothing until the code is there, which, from
 * the extension's own files, takes a few milliseconds.
 */
export function lazy<P extends object>(load: () => Promise<FunctionComponent<P>>): FunctionComponent<P> {
  let loaded: FunctionComponent<P> | null = null;
  let loading: Promise<FunctionComponent<P>> | null = null;
  return function Lazy(props: P) {
    const [component, setComponent] = useState<FunctionComponent<P> | null>(() => loaded);
    useEffect(() => {
      if (component) return;
      let mounted = true;
      loading ??= load().then((c) => (loaded = c));
      void loading.then((c) => mounted && setComponent(() => c));
      return () => {
        mounted = false;
      };
    }, [component]);
    return component ? h(component, props) : null;
  };
}
