import { Flex, Spin } from 'antd';
import { type ComponentType, lazy, Suspense } from 'react';

/** Loads a page module on first visit; `name` is its named export. */
export const lazyPage = <M extends Record<string, ComponentType>>(load: () => Promise<M>, name: keyof M) => {
  const Page = lazy(async () => ({ default: (await load())[name] as ComponentType }));
  return () => (
    <Suspense fallback={<PageSpinner />}>
      <Page />
    </Suspense>
  );
};

export const PageSpinner = () => (
  <Flex justify="center" align="center" style={{ minHeight: 240 }}>
    <Spin />
  </Flex>
);
