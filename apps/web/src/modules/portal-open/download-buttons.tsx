import { DownloadOutlined } from '@ant-design/icons';
import { Button, Flex, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { downloadUrl } from './portal-api';

const FORMATS = ['csv', 'json', 'xlsx'] as const;

/** Plain links: the browser streams the file itself, however large, and names it from the server. */
export const DownloadButtons = ({ code }: { code: string }) => {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('openPortal.dataset.downloadHint')}>
      <Flex gap={8} wrap role="group" aria-label={t('openPortal.dataset.downloads')}>
        {FORMATS.map((f, i) => (
          <Button
            key={f}
            type={i === 0 ? 'primary' : 'default'}
            icon={<DownloadOutlined aria-hidden />}
            href={downloadUrl(code, f)}
            download
            data-testid={`portal-download-${f}`}
            aria-label={t('openPortal.dataset.downloadAs', { format: f.toUpperCase() })}
          >
            {f.toUpperCase()}
          </Button>
        ))}
      </Flex>
    </Tooltip>
  );
};
