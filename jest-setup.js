// Jest setup provided by Grafana scaffolding
import './.config/jest-setup';
// React 19 (loaded by @grafana/ui) needs MessageChannel; Combobox menus need IntersectionObserver.
import './tests/support/jsdomPolyfills';
