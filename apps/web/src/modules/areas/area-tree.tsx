import type { Area } from '@shuzhi/contracts';
import { Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useTranslation } from 'react-i18next';

type Props = {
  rootCode: string;
  byCode: Record<string, Area>;
  childrenOf: Record<string, string[]>;
  expanded: string[];
  selected: string | undefined;
  onExpand: (keys: string[]) => void;
  onSelect: (code: string) => void;
  loadChildren: (code: string) => Promise<unknown>;
};

const AreaTitle = ({ area }: { area: Area }) => (
  <span data-area-code={area.code}>
    <span>{area.name}</span>
    {area.childCount > 0 && (
      <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
        {area.childCount}
      </Typography.Text>
    )}
  </span>
);

export const AreaTree = (props: Props) => {
  const { t } = useTranslation();
  const { byCode, childrenOf } = props;
  const build = (code: string): DataNode | null => {
    const area = byCode[code];
    if (!area) return null;
    const kids = childrenOf[code];
    return {
      key: code,
      title: <AreaTitle area={area} />,
      isLeaf: area.childCount === 0,
      children: kids?.map(build).filter((n): n is DataNode => n !== null),
    };
  };
  const root = build(props.rootCode);
  return (
    <section data-testid="area-tree" aria-label={t('areas.tree')} className="sz-area-tree">
      {root && (
        <Tree
          showLine
          blockNode
          treeData={[root]}
          expandedKeys={props.expanded}
          loadedKeys={Object.keys(childrenOf)}
          selectedKeys={props.selected ? [props.selected] : []}
          onExpand={(keys) => props.onExpand(keys.map(String))}
          onSelect={(_keys, info) => props.onSelect(String(info.node.key))}
          loadData={async (node) => {
            await props.loadChildren(String(node.key));
          }}
        />
      )}
    </section>
  );
};
