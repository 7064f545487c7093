import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** Page heading (h1) with optional actions on the right. */
export const PageTitle = ({ title, extra }: { title: ReactNode; extra?: ReactNode }) => (
  <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
    <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
      {title}
    </Typography.Title>
    {extra && (
      <Flex gap={8} wrap>
        {extra}
      </Flex>
    )}
  </Flex>
);
