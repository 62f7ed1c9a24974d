// The app's one i18n instance: components use it through useI18n(); plain modules (formatting,
// error messages, the router's page titles) through `i18n.global`.
import { createAppI18n } from './index';

export const i18n = createAppI18n();
export const t = i18n.global.t;
