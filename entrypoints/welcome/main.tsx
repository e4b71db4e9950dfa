import { render } from 'preact';
import '../../components/ui.css';
import './welcome.css';
import { WelcomeApp } from './App.tsx';

render(<WelcomeApp />, document.getElementById('app')!);
