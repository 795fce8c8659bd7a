import { createApp } from 'vue';
import 'xs-kit/define/xs-status.js';
import 'xs-kit/define/xs-verify-login.js';
import 'xs-kit/themes/light.css';
import 'xs-kit/themes/dark.css';
import App from './App.vue';

createApp(App).mount('#app');
