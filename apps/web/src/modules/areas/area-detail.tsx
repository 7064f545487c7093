import type { Area } from '@shuzhi/contracts';
import { Breadcrumb, Card, Descriptions, Divider, Empty, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAreaPath } from './area-api';
import { CreateGridForm } from './create-grid-form';

type Props = {
  area: Area | undefined;
  canCreateGrid: boolean;
  onSelect: (code: string) => void;
  onGridCreated: (community: Area, grid: Area) => void;
};

/** Facts about the selected area, its path from the city, and (for some roles) a new-grid form. */
export const AreaDetail = ({ area, canCreateGrid, onSelect, onGridCreated }: Props) => {
  const { t } = useTranslation();
  const { data: path } = useAreaPath(area?.code);
  return (
    <Card data-testid="area-detail" title={t('areas.detail')} aria-live="polite">
      {!area ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('areas.selectHint')} />
      ) : (
        <>
          <Breadcrumb
            aria-label={t('areas.path')}
            style={{ marginBottom: 16 }}
            items={(path ?? [area]).map((p) => ({
              key: p.code,
              title:
                p.code === area.code ? (
                  p.name
                ) : (
                  <a
                    href={`#${p.code}`}
                    onClick={(e) => {
                      e.preventDefault();
                      onSelect(p.code);
                    }}
                  >
                    {p.name}
                  </a>
                ),
            }))}
          />
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'name', label: t('areas.name'), children: area.name },
              { key: 'code', label: t('areas.code'), children: <code>{area.code}</code> },
              { key: 'level', label: t('areas.level'), children: <Tag>{t(`levels.${area.level}`)}</Tag> },
              { key: 'children', label: t('areas.childCount'), children: area.childCount },
              {
                key: 'path',
                label: t('areas.path'),
                children: (path ?? [area]).map((p) => p.name).join(' / '),
              },
            ]}
          />
          {canCreateGrid && area.level === 'community' && (
            <>
              <Divider titlePlacement="start" plain>
                {t('areas.newGrid')}
              </Divider>
              <CreateGridForm community={area} onCreated={(grid) => onGridCreated(area, grid)} />
            </>
          )}
        </>
      )}
    </Card>
  );
};
