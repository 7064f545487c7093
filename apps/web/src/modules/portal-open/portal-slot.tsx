import { Card } from 'antd';
import { Children, type ReactNode } from 'react';

/**
 * A place in a portal page that other modules fill (applying for conditional data, ratings,
 * comments, usage charts). It renders its children in a titled section, and nothing when empty.
 */
export const PortalSlot = ({
  name,
  title,
  children,
}: {
  name: string;
  title?: ReactNode;
  children?: ReactNode;
}) => {
  if (Children.toArray(children).length === 0) return null;
  return (
    <Card size="small" title={title} data-slot={name} data-testid={`portal-slot-${name}`}>
      {children}
    </Card>
  );
};

/** The same place inline (a header's action row): no frame of its own. */
export const InlineSlot = ({ name, children }: { name: string; children?: ReactNode }) =>
  Children.toArray(children).length === 0 ? null : (
    <span data-slot={name} data-testid={`portal-slot-${name}`} style={{ display: 'contents' }}>
      {children}
    </span>
  );
