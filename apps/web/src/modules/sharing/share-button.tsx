import { ShareAltOutlined } from '@ant-design/icons';
import type { Dataset } from '@shuzhi/contracts';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '../../app/auth';
import { canRequestShare } from './sharing-policy';

/** 申请共享 on a catalog dataset held by another department; nothing where no request is possible. */
export const ShareButton = ({ dataset }: { dataset: Dataset }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  if (!canRequestShare(me, dataset)) return null;
  return (
    <Button
      icon={<ShareAltOutlined aria-hidden />}
      onClick={() => navigate(`/workspace/sharing/apply/${encodeURIComponent(dataset.code)}`)}
      data-testid="dataset-share"
    >
      {t('sharing.shareButton')}
    </Button>
  );
};
