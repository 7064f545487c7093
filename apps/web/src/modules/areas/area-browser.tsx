import type { Area } from '@shuzhi/contracts';
import { Alert, Card, Col, Row, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CITY_CODE, useAreaPath } from './area-api';
import { AreaDetail } from './area-detail';
import { AreaSearch } from './area-search';
import { AreaTree } from './area-tree';
import { useAreaTreeState } from './area-tree-state';

const scrollToArea = (code: string) => {
  requestAnimationFrame(() => {
    document.querySelector(`[data-area-code="${code}"]`)?.scrollIntoView({ block: 'nearest' });
  });
};

/** City → district → street → community → grid, with search and a detail panel. */
export const AreaBrowser = ({ canCreateGrid }: { canCreateGrid: boolean }) => {
  const { t } = useTranslation();
  const { data: rootPath, error } = useAreaPath(CITY_CODE);
  const tree = useAreaTreeState();
  const { setRoot, loadChildren, setExpanded } = tree;
  const [selected, setSelected] = useState<string>();
  const root = rootPath?.at(-1);

  useEffect(() => {
    if (!root) return;
    setRoot(root);
    void loadChildren(root.code).then(() => setExpanded([root.code]));
  }, [root, setRoot, loadChildren, setExpanded]);

  const select = async (code: string) => {
    setSelected(code);
    if (!tree.state.byCode[code]) await tree.reveal(code);
    scrollToArea(code);
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={13}>
        <Card title={t('areas.tree')}>
          <AreaSearch
            onPick={async (area) => {
              await tree.reveal(area.code);
              setSelected(area.code);
              scrollToArea(area.code);
            }}
          />
          {error ? (
            <Alert type="error" title={error.message} showIcon />
          ) : !root ? (
            <Spin />
          ) : (
            <AreaTree
              rootCode={root.code}
              byCode={tree.state.byCode}
              childrenOf={tree.state.childrenOf}
              expanded={tree.state.expanded}
              selected={selected}
              onExpand={setExpanded}
              onSelect={(code) => setSelected(code)}
              loadChildren={loadChildren}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={11}>
        <AreaDetail
          area={selected ? tree.state.byCode[selected] : undefined}
          canCreateGrid={canCreateGrid}
          onSelect={(code) => void select(code)}
          onGridCreated={(community: Area) => void tree.reload(community.code)}
        />
      </Col>
    </Row>
  );
};
