import { useEffect, useState } from 'react';

/** Hash routes keep the dashboard a set of static files the server can serve from anywhere. */
export interface Route {
  readonly view: string;
  readonly params: readonly string[];
  readonly query: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [view = 'environments', ...params] = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { view, params, query: new URLSearchParams(query) };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function href(view: string, ...params: string[]): string {
  return `#/${[view, ...params].map(encodeURIComponent).join('/')}`;
}
