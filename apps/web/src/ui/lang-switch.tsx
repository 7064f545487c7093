import { TranslationOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLocale, setLocale } from '../app/i18n';

/** Toggles zh-CN ⇄ en; the label names the language it switches to. */
export const LangSwitch = ({ ghost }: { ghost?: boolean }) => {
  const { t } = useTranslation();
  const next = currentLocale() === 'en' ? 'zh-CN' : 'en';
  return (
    <Button
      data-testid="lang-switch"
      type={ghost ? 'text' : 'default'}
      icon={<TranslationOutlined aria-hidden />}
      aria-label={t('lang.switchLabel')}
      lang={next}
      onClick={() => void setLocale(next)}
    >
      <span className="sz-hide-narrow">{t('lang.target')}</span>
    </Button>
  );
};
