import * as React from 'react';
import type { ActionDescriptor } from './api';

/**
 * The actions the server lists for each content type, kept for the admin session.
 *
 * Why a cache filled ahead of time: the Content Manager mounts bulk action description components only
 * once rows are selected, and publishes a description that arrives later (after a fetch) through
 * `requestIdleCallback`. A quiet page (headless Chromium, nothing repainting) may not run that callback
 * until something repaints, so a button that waits for its fetch after the click can stay missing. The
 * list view therefore loads the list when it opens (`PrefetchBulkActions` in `listView.actions`), and the
 * bulk action reads it synchronously on its first render, like Strapi's own Delete.
 */
type Get = (url: string) => Promise<{ data: { data: ActionDescriptor[] } }>;

const lists = new Map<string, ActionDescriptor[]>();
const loading = new Map<string, Promise<void>>();
const listeners = new Set<() => void>();

const notify = () => listeners.forEach((listener) => listener());

/** Loads (again) the actions of `uid`; concurrent calls share one request. A failure lists none. */
export const loadActions = (get: Get, uid: string) => {
  const pending = loading.get(uid);
  if (pending) return pending;
  const request = get(`/bulk-actions/actions?uid=${encodeURIComponent(uid)}`)
    .then((res) => res.data.data)
    .catch(() => [] as ActionDescriptor[])
    .then((list) => {
      lists.set(uid, list);
      loading.delete(uid);
      notify();
    });
  loading.set(uid, request);
  return request;
};

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

const NONE: ActionDescriptor[] = [];

/** The cached actions of `uid` (none while unknown); re-renders when they arrive. */
export const useCachedActions = (uid: string | undefined) =>
  React.useSyncExternalStore(subscribe, () => (uid ? (lists.get(uid) ?? NONE) : NONE));
