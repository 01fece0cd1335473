const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/browser-kC1Gw6nt.js","assets/rolldown-runtime-BWaJ3C7D.js"])))=>i.map(i=>d[i]);
import{t as e}from"./preload-helper-DygEbaNj.js";var t,n,r,i,a,o,s,c,l,u,d=Symbol.for(`pv`),f={},p=[],m=/^m(i|n|o|s|text|space)$/,h=Array.isArray,g=p.slice,_=Object.assign;function v(e){e&&e.parentNode&&e.remove()}function y(e,r,i,a,o){var s={type:e,props:r,key:i,ref:a,__k:null,__:null,__b:0,__e:null,__c:null,constructor:d,__v:o||++n,__i:-1,__u:0};return!o&&t.vnode&&t.vnode(s),s}function b(e){return e.children}function x(e,t){this.props=e,this.context=t,this.__g=0}function S(e,t){if(t==null)return e.__&&S(e.__,e.__i+1);for(var n;t<e.__k.length;t++)if((n=e.__k[t])&&n.__e)return n.__e;return typeof e.type!=`function`||e.props.__P?null:S(e)}function C(e){var n,r=e.__v,i=r.__e,a=[],o=[],s=e.__P;s&&((n=_({constructor:d},r)).__v=r.__v+1,t.vnode&&t.vnode(n),j(s,n,r,e.__n,s.namespaceURI,32&r.__u?[i]:null,a,i||S(r),32&r.__u,o),n.__v=r.__v,n.__.__k[n.__i]=n,N(a,n,o),r.__=r.__e=null,n.__e!=i&&w(n))}function w(e){if((e=e.__)&&e.__c&&!e.props.__P)return e.__e=null,e.__k.some(function(t){return t&&(e.__e=t.__e)}),w(e)}function T(e){(8&e.__g||(e.__g|=8,r.push(e),a++))&&i==t.debounceRendering||((i=t.debounceRendering)||queueMicrotask)(E)}function E(){try{for(var e,t=1;r.length;)r.length>t&&r.sort(o),e=r.shift(),t=r.length,8&e.__g&&C(e)}finally{(a=r.length)&&(i||queueMicrotask)(E)}}function D(e,t,n,r,i,a,o,s,c,l,u){var d,m,h,g,_,v,y=r.__k||p,b=t.length;for(c=O(n,t,y,c,b),d=0;d<b;d++)(h=n.__k[d])!=null&&(m=~h.__i&&y[h.__i]||f,h.__i=d,v=j(e,h,m,i,a,o,s,c,l,u),g=h.__e,(m.ref!=h.ref||8&m.__u)&&(m.ref&&P(m.ref,null,h,m),h.ref&&u.push(h.ref,h.__c||g,h)),_||=g,4&h.__u?(c=k(h,c,e,!m.__v),m.__e&&(m.__e=null)):typeof h.type==`function`&&v!==void 0?c=v:g&&(c=g.nextSibling),h.__u&=-21);return n.__e=_,c}function O(e,t,n,r,i){var a,o,s,c,l,u,f,p,m,g=n.length,_=g,v=0,x=0,C=e.__k=Array(i);for(a=0;a<i;a++)(o=t[a])!=null&&typeof o!=`boolean`&&typeof o!=`function`?(typeof o!=`object`||o.constructor===String?o=C[a]=y(null,o):h(o)?o=C[a]=y(b,{children:o}):o.constructor===d&&o.__b?o=C[a]=y(o.type,o.props,o.key,o.ref,o.__v):C[a]=o,c=a+v,o.__=e,o.__b=e.__b+1,s=null,~(l=o.__i=A(o,n,c,_))&&(_--,(s=n[l])&&(s.__u|=2)),s&&s.__v?(o.__u|=16,l==c-1?v--:l==c+1?v++:l!=c&&(l>c?v--:v++,x=1)):(~l||(i>g?v--:i<g&&v++),typeof o.type!=`function`&&(o.__u|=4))):C[a]=null;if(x){for(u=[],f=[],a=0;a<i;a++)if((o=C[a])&&16&o.__u){for(v=0,p=u.length;v<p;)u[m=v+p>>1]<o.__i?v=m+1:p=m;u[v]=o.__i,f[a]=v+1}for(v=u.length;a--;)f[a]&&(f[a]==v?v--:C[a].__u|=4)}if(_)for(a=0;a<g;a++)!(s=n[a])||2&s.__u||(s.__e==r&&(r=S(s)),ae(s,s));return r}function k(e,t,n,r){var i,a,o,s;if(typeof e.type==`function`){if(e.props.__P)return t;if(i=e.__k)for(a=0;a<i.length;a++)i[a]&&(i[a].__=e,t=k(i[a],t,n,!1));return t}for(t&&!t.parentNode&&(t=S(e))&&!t.parentNode&&(t=null),o=e.__e,s=t;s&&s.nodeType==8;)s=s.nextSibling;for(o!=s&&(!r&&n.moveBefore&&o.parentNode?n.moveBefore(o,t):n.insertBefore(o,t||null)),t=o;(t&&=t.nextSibling)&&t.nodeType==8&&!t.data.startsWith(`$s`););return t}function A(e,t,n,r){var i,a=e.key,o=e.type,s=t[n],c=s&&!(2&s.__u);if(s===null&&a==null||c&&a==s.key&&o==s.type)return n;if(r>+!!c){for(i=n-1;i>=0;i--)if((s=t[i])&&!(2&s.__u)&&a==s.key&&o==s.type)return i;for(i=n+1;i<t.length;i++)if((s=t[i])&&!(2&s.__u)&&a==s.key&&o==s.type)return i}return-1}function ee(e,t,n){n??=``,t[0]==`-`?e.setProperty(t,n):e[t]=n}function te(e,t,n,r,i){var a,o;if(t==`style`){if(typeof n==`string`)e.style.cssText=n;else{if(typeof r==`string`&&(e.style.cssText=r=``),r)for(t in r)n&&t in n||ee(e.style,t);if(n)for(t in n)r&&n[t]==r[t]||ee(e.style,t,n[t])}}else if(t[0]==`o`&&t[1]==`n`)typeof n!=`function`&&(n=null),typeof r!=`function`&&(r=null),(e.__e||={})[t]=n,n&&r||(o=u[t]||(u[t]=ne(t)),(e.__a||={})[t]=l,a=t!=(t=t.replace(c,`$1`)),(t=t.slice(2))[0]<`a`&&(t=t.toLowerCase()),n?e.addEventListener(t,o,a):e.removeEventListener(t,o,a));else{if(i==`http://www.w3.org/2000/svg`)t=t.replace(/xlink(H|:h)/,`h`).replace(/sName$/,`s`);else if(t!=`width`&&t!=`height`&&t!=`href`&&t!=`list`&&t!=`form`&&t!=`tabIndex`&&t!=`download`&&t!=`rowSpan`&&t!=`colSpan`&&t!=`role`&&t!=`popover`&&t in e)try{e[t]=n??``;return}catch{}if(typeof n==`function`)return;n==null||!1===n&&t[4]!=`-`?e.removeAttribute(t):e.setAttribute(t,t==`popover`&&n==1?``:n)}}function ne(e){return function(n){var r=this.__e;if(r){if(r=r[e],n[s]==null)n[s]=l++;else if(n[s]<this.__a[e])return;return r(t.event?t.event(n):n)}}}function j(e,n,r,i,a,o,s,c,l,u){var f,m,g,y,C,w,T,E,O,k,A,ee,te,ne,j,N,P,F,I=n.type;if(n.constructor!==d)return null;128&r.__u&&(l=32&r.__u,f=r.__c.__z)&&(n.__u|=l,m=o=[],f.nodeType==8?c=re(f,o):o.push(f),c=o[0]||c),(f=t.__b)&&f(n);n:if(typeof I==`function`){g=s.length;try{if(E=n.props,O=(f=I.prototype)&&f.render,k=(f=I.contextType)&&i[f.__c],A=f?k?k.props.value:f.__:i,(y=r.__c)?(n.__c=y,2&y.__g&&(y.__g|=1)):(O?n.__c=y=new I(E,A):(n.__c=y=new x(E,A),y.constructor=I,y.render=oe),k&&k.sub(y),y.state||(y.state={}),y.__n=i,y.__g|=8,y.__h=[],y.__k=[]),O&&(y.__s||(y.__s=y.state),I.getDerivedStateFromProps&&(y.__s==y.state&&(y.__s=_({},y.__s)),_(y.__s,I.getDerivedStateFromProps(E,y.__s)))),C=y.props,w=y.state,y.__v=n,r.__c){if(E!==C&&O&&!I.getDerivedStateFromProps&&y.componentWillReceiveProps&&y.componentWillReceiveProps(E,A),n.__v==r.__v&&!(8&y.__g)||!(4&y.__g)&&y.shouldComponentUpdate&&!1===y.shouldComponentUpdate(E,y.__s,A)){n.__v!=r.__v&&(y.props=E,y.state=y.__s,y.__g&=-9),n.__e=r.__e,n.__k=r.__k,n.__k.some(function(e){e&&(e.__=n)}),p.push.apply(y.__h,y.__k),y.__k=[],y.__h.length&&s.push(y),c=S(r);break n}y.componentWillUpdate&&y.componentWillUpdate(E,y.__s,A),O&&y.componentDidUpdate&&y.__h.push(function(){y.componentDidUpdate(C,w,T)})}else O&&!I.getDerivedStateFromProps&&y.componentWillMount&&y.componentWillMount(),O&&y.componentDidMount&&y.__h.push(y.componentDidMount);y.context=A,y.props=E,y.__P=e,y.__g&=-5,ee=t.__r,te=O?25:0;do y.__g&=-9,ee&&ee(n),f=y.render(y.props,y.state=y.__s,y.context);while(8&y.__g&&++te<25);O&&(p.push.apply(y.__h,y.__k),y.__k=[]),y.state=y.__s,y.getChildContext&&(i=_({},i,y.getChildContext())),O&&r.__c&&y.getSnapshotBeforeUpdate&&(T=y.getSnapshotBeforeUpdate(C,w)),ne=f&&f.type===b&&f.key==null?f.props.children:f,E.__P&&(f=c,a=(e=E.__P).namespaceURI,l=o=null,r.props&&r.props.__P!=e&&(r.__k.some(function(e){e&&ae(e,e)}),r.__k=null),c=r.__k?S(r,0):null),c=D(e,h(ne)?ne:[ne],n,r,i,a,o,s,c,l,u),E.__P&&(n.__e=null,c=f),n.__u&=-161,m&&m.some(v),y.__h.length&&s.push(y),1&y.__g&&(y.__g&=-4)}catch(e){if(s.length=g,n.__v=null,l||o){if(e&&e.then){if(n.__u|=128|l,o){for(~(P=o.indexOf(c||void 0))||(P=o.length);(F=o[P-1])&&F.nodeType==8;)P--;for(;P<o.length;P++)if(F=o[P]){if(o[P]=null,j){if(F==N)break}else{if(F.nodeType!=8)break;F.data.startsWith(`$s`)&&(N=re(j=F))}}}if(!j){for(;c&&c.nodeType==8&&c.nextSibling;)c=c.nextSibling;j=c}(f=re(j=n.__c.__z||(n.__c.__z=j)))?(n.__e=j,c=f):n.__e=c,c&&=c.nextSibling}else o&&o.some(v)}else n.__e=r.__e;n.__k||=r.__k||[],e&&e.then||M(n),t.__e(e,n,r)}}else c=n.__e=ie(r.__e,n,r,i,a,o,s,l,u,e);return(f=t.diffed)&&f(n),c}function re(e,t){if(e&&e.nodeType==8&&e.data.startsWith(`$s`))for(var n=1;e=e.nextSibling;){if(e.nodeType==8){if(e.data.startsWith(`$s`))n++;else if(e.data.startsWith(`/$s`)&&!--n)return e}t&&t.push(e)}}function M(e){e&&(e.__c&&(e.__c.__g|=4),e.__k&&e.__k.some(M))}function N(e,n,r){for(var i=0;i<r.length;)P(r[i++],r[i++],r[i++]);t.__c&&t.__c(n,e),e.some(function(n){try{e=n.__h,n.__h=[],e.some(function(e){e.call(n)})}catch(e){t.__e(e,n.__v)}})}function ie(e,n,r,i,a,o,s,c,l,u){var d,p,_,y,b,x,C,w,T=r.props||f,E=n.props,O=n.type;if(O==`svg`?a=`http://www.w3.org/2000/svg`:O==`math`?a=`http://www.w3.org/1998/Math/MathML`:a||=`http://www.w3.org/1999/xhtml`,o){for(d=0;d<o.length;d++)if((b=o[d])&&(O?b.localName==O:b.nodeType==3)){e=b,o[d]=null;break}}if(!e){if(w=u.ownerDocument||document,!O)return w.createTextNode(E);e=w.createElementNS(a,O,E.is?E:u),c&&=(t.__m&&t.__m(n,o),!1),o=null}if(O){if(u=O==`template`&&e.content||e,o=O==`textarea`&&E.defaultValue!=null?null:o&&g.call(u.childNodes),!c&&o)for(T={},d=0;d<e.attributes.length;d++)T[(b=e.attributes[d]).name]=b.value;for(d in T)b=T[d],d==`dangerouslySetInnerHTML`?_=b:d==`children`||d in E||d==`value`&&`defaultValue`in E||d==`checked`&&`defaultChecked`in E||te(e,d,null,b,a);for(d in E)b=E[d],d==`children`?y=b:d==`dangerouslySetInnerHTML`?p=b:d==`value`?x=b:d==`checked`?C=b:c&&typeof b!=`function`||T[d]===b||te(e,d,b,T[d],a);p?(c||_&&(p.__html==_.__html||p.__html==e.innerHTML)||(e.innerHTML=p.__html),n.__k=[]):(_&&(e.textContent=``),(O==`foreignObject`||a==`http://www.w3.org/1998/Math/MathML`&&m.test(O))&&(a=`http://www.w3.org/1999/xhtml`),D(u,h(y)?y:[y],n,r,i,a,o,s,o?o[0]:r.__k&&S(r,0),c,l),o&&o.some(v)),c&&O!=`textarea`||(d=`value`,O==`progress`&&x==null?e.removeAttribute(d):x==null||x===e[d]&&(O!=`progress`||x)||te(e,d,x,T[d],a),d=`checked`,C!=null&&C!=e[d]&&te(e,d,C,T[d],a))}else T===E||c&&e.data==E||(e.data=E);return e}function P(e,n,r,i){try{typeof e==`function`?n?n.__x=e(n)||1:(i&&=i.__c||i.__e)&&(n=i.__x)&&(i.__x=null,typeof n==`function`?n():e(null)):e.current=n}catch(e){t.__e(e,r)}}function ae(e,n,r){var i,a,o,s;if(t.unmount&&t.unmount(e),!(i=e.ref)||i.current&&i.current!=e.__e||P(i,null,n,e),i=e.__c){if(i.componentWillUnmount)try{i.componentWillUnmount()}catch(e){t.__e(e,n)}i.__P=i.__n=null}if(i=e.__k)for(s=0;s<i.length;s++)i[s]&&ae(i[s],n,typeof e.type!=`function`||r&&!e.props.__P);!r&&(i=e.__c)&&(i=i.__z)&&(a=re(i,o=[]))&&(i==e.__e&&o.some(v),v(a),v(i)),r||v(e.__e),e.__e=e.__c=e.__=null}function oe(e,t,n){return this.constructor(e,n)}function F(e,n){var r,i,a,o;t.__&&t.__(e,n),n.nodeType==9&&(n=n.documentElement),i=(r=e&&32&e.__u)?null:n.__k,n.__k=y(b,{children:[e]}),a=[],o=[],j(n,n.__k,i||f,f,n.namespaceURI,i?null:n.firstChild?g.call(n.childNodes):null,a,i?i.__e:n.firstChild,r,o),N(a,n.__k,o),n.__k.props.children=null}t={__e:function(e,t,n,r){for(var i,o,s;t=t.__;)if((i=t.__c)&&!(1&i.__g)){i.__g|=4;try{if((s=(o=i.constructor)&&o.getDerivedStateFromError)&&i.setState(o.getDerivedStateFromError(e)),i.componentDidCatch&&(i.componentDidCatch(e,r||{}),s=1),s&&8&i.__g)return void(i.__g|=2)}catch(t){e=t}}throw a=0,e}},n=0,x.prototype.setState=function(e,t){var n=this.__s;n&&n!=this.state||(n=this.__s=_({},this.state)),typeof e==`function`&&(e=e(_({},n),this.props)),e&&(_(n,e),this.__v&&(t&&this.__k.push(t),T(this)))},x.prototype.forceUpdate=function(e){this.__v&&(this.__g|=4,e&&this.__h.push(e),T(this))},x.prototype.render=b,r=[],a=0,o=function(e,t){return e.__v.__b-t.__v.__b},s=Symbol(),c=/(PointerCapture)$|Capture$/i,l=0,u={};var I,L,se,ce,le=Object.is,ue=0,de=[],fe=[],R=t,pe=R.__b,me=R.__r,he=R.diffed,ge=R.__c,_e=R.unmount,ve=R.__;function ye(e,t){R.__h&&R.__h(L,e,ue||t),ue=0;var n=L.__H||(L.__H={__:[],__h:[]});return e>=n.__.length&&n.__.push({}),n.__[e]}function z(e){return ue=1,be(Ae,e)}function be(e,t,n){var r=ye(I++,2);if(r.t=e,!r.__c&&(r.__=[n?n(t):Ae(void 0,t),function(e){var t=(r.__N||r.__)[0],n=r.t(t,e);le(t,n)||(r.__N=[n,r.__[1]],r.__c.setState({}))}],r.__c=L,!L.__f)){L.__f=!0;var i=L.shouldComponentUpdate;L.shouldComponentUpdate=function(e,t,n){var r=this.__H;if(!r)return!0;var a=!1,o=this.props!=e;if(r.__.some(function(e){e.__N&&(a=!0,le(e.__[0],e.__N[0])||(o=!0))}),i){var s=i.call(this,e,t,n);return a?s||o:s}return!a||o}}return r.__}function B(e,t){var n=ye(I++,3);!R.__s&&ke(n.__H,t)&&(n.__P=!0,n.__=e,n.u=t,L.__H.__h.push(n))}function V(e){return ue=5,xe(function(){return{current:e}},[])}function xe(e,t){var n=ye(I++,7);return ke(n.__H,t)&&(n.__=e(),n.__H=t),n.__}function Se(){var e=ye(I++,11);if(!e.__){for(var t=L.__v;!t.__m&&t.__;)t=t.__;var n=t.__m||(t.__m=[0,0]);e.__=`P`+n[0]+`-`+n[1]++}return e.__}function Ce(){var e;do{for(;e=fe.shift();)try{De(e)}catch(t){R.__e(t,{__:(e=e.__P)&&e.__v})}for(;e=de.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(De),t.__h.some(Oe),t.__h=[]}catch(n){t.__h=[],R.__e(n,e.__v)}}}while(fe.length)}R.__b=function(e){L=null,pe&&pe(e)},R.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),ve&&ve(e,t)},R.__r=function(e){me&&me(e),I=0;var t=(L=e.__c).__H;t&&(se==L?L.__h=[]:(t.__h.some(De),t.__h.some(Oe),I=0),t.__h=[],t.__.some(function(e){e.__N&&(e.__=e.__N),e.u=e.__N=void 0})),se=L},R.diffed=function(e){he&&he(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&Ee(de.push(t)),t.__H.__.some(function(e){e.u&&(e.__H=e.u)})),se=L=null},R.__c=function(e,t){t.some(function(e){try{e.__h.some(De),e.__h=e.__h.filter(function(e){return!e.__||Oe(e)})}catch(t){e.__h=[function(){throw t}]}}),ge&&ge(e,t)},R.unmount=function(e){_e&&_e(e);var t,n,r=e.__c;r&&r.__H&&(r.__H.__.some(function(r){try{if(r.__P&&r.__c){if(n===void 0){for(n=e.__;n&&(!n.__c||!n.__c.__P);)n=n.__;n&&=n.__c}r.__P=n,Ee(fe.push(r))}else De(r)}catch(e){t=e}}),r.__H=void 0,t&&R.__e(t,r.__v))};var we=typeof requestAnimationFrame==`function`;function Te(e){var t,n=function(){clearTimeout(r),we&&cancelAnimationFrame(t),setTimeout(e)},r=setTimeout(n,35);we&&(t=requestAnimationFrame(n))}function Ee(e){e!=1&&ce==R.requestAnimationFrame||((ce=R.requestAnimationFrame)||Te)(Ce)}function De(e){var t=L,n=e.__c;typeof n==`function`&&(e.__c=void 0,n()),L=t}function Oe(e){var t=L;e.__c=e.__(),L=t}function ke(e,t){return!e||e.length!=t.length||t.some(function(t,n){return!le(t,e[n])})}function Ae(e,t){return typeof t==`function`?t(e):t}var je=`dropbox-lite.token`,Me=`dropbox-lite.device-key`,Ne=null,Pe=new Set;function Fe(e){try{return window[e]}catch{return null}}function Ie(){return Ne=Fe(`sessionStorage`)?.getItem(`dropbox-lite.token`)??Fe(`localStorage`)?.getItem(`dropbox-lite.token`)??null,Ne}function Le(){return Ne}function Re(e,t=!1){Ne=e;for(let e of[`sessionStorage`,`localStorage`])Fe(e)?.removeItem(je);e!==null&&Fe(t?`localStorage`:`sessionStorage`)?.setItem(je,e);for(let t of Pe)t(e)}function ze(e){return Pe.add(e),()=>Pe.delete(e)}var Be=null;function Ve(){let e=crypto.getRandomValues(new Uint8Array(32));return btoa(String.fromCharCode(...e)).replace(/\+/g,`-`).replace(/\//g,`_`).replace(/=+$/,``)}function He(){let e=Fe(`localStorage`),t=e?.getItem(`dropbox-lite.device-key`)??Be;if(t)return t;let n=Ve();Be=n;try{e?.setItem(Me,n)}catch{}return n}var Ue=`/graphql`,We=class extends Error{code;constructor(e,t=null){super(e),this.code=t,this.name=`RequestError`}};function Ge(){let e=Le();return e?{Authorization:`Bearer ${e}`}:{}}function Ke(e,t){let n=e.errors?.[0];if(n){let e=n.extensions?.code??null;throw e===`UNAUTHENTICATED`&&Le()&&Re(null),new We(n.message||`The server refused the request.`,e)}if(e.data==null)throw new We(`The server answered ${t}.`);return e.data}function H(e,...[t]){return qe(e,t)}async function qe(e,t,n){let r;try{r=await fetch(Ue,{method:`POST`,headers:{"Content-Type":`application/json`,Accept:`application/json`,...Ge()},body:JSON.stringify({query:e.toString(),variables:t??{}}),signal:n})}catch(e){throw n?.aborted?e:new We(`Could not reach the server. Check the connection and try again.`)}let i;try{i=await r.json()}catch{throw new We(`The server answered ${r.status} without a result.`)}return Ke(i,r.status)}var Je=class extends Error{constructor(){super(`Cancelled`),this.name=`UploadCancelled`}};function Ye(e,t,n,r,i){let a=new FormData;return a.append(`operations`,JSON.stringify({query:e,variables:{...t,[n]:null}})),a.append(`map`,JSON.stringify({0:[`variables.${n}`]})),a.append(`0`,r,i),a}function Xe(e,t,n,r){let i=new XMLHttpRequest;return{promise:new Promise((a,o)=>{i.open(`POST`,Ue),i.setRequestHeader(`GraphQL-Require-Preflight`,`1`),i.setRequestHeader(`Accept`,`application/json`);for(let[e,t]of Object.entries(Ge()))i.setRequestHeader(e,t);i.responseType=`json`,i.upload.onprogress=e=>{e.lengthComputable&&r(e.loaded,e.total)},i.onload=()=>{let e=i.response;if(!e)o(new We(`The server answered ${i.status} without a result.`));else try{a(Ke(e,i.status))}catch(e){o(e)}},i.onerror=()=>o(new We(`The upload failed: the connection was lost.`)),i.onabort=()=>o(new Je),i.send(Ye(e.toString(),t,`file`,n,n.name))}),cancel:()=>i.abort()}}var U=class extends String{__apiType;value;__meta__;constructor(e,t){super(e),this.value=e,this.__meta__=t}toString(){return this.value}},Ze=new U(`
    fragment EntryFields on Entry {
  __typename
  id
  name
  path
  parentId
  modifiedAt
  trashed
  trashedAt
  hasLink
  shared {
    ownerUsername
    yourRole
    youOwn
    folderId
  }
  ... on File {
    size
    rev
    mimeType
    thumbnailUrl(size: 64)
  }
}
    `,{fragmentName:`EntryFields`}),Qe=new U(`
    fragment FolderMemberFields on FolderMember {
  user {
    username
  }
  role
  isOwner
}
    `,{fragmentName:`FolderMemberFields`}),$e={"\n  fragment EntryFields on Entry {\n    __typename\n    id\n    name\n    path\n    parentId\n    modifiedAt\n    trashed\n    trashedAt\n    hasLink\n    shared {\n      ownerUsername\n      yourRole\n      youOwn\n      folderId\n    }\n    ... on File {\n      size\n      rev\n      mimeType\n      thumbnailUrl(size: 64)\n    }\n  }\n":Ze,"\n  query Me {\n    me {\n      id\n      username\n      usage {\n        usedBytes\n        quotaBytes\n      }\n    }\n  }\n":new U(`
    query Me {
  me {
    id
    username
    usage {
      usedBytes
      quotaBytes
    }
  }
}
    `),"\n  mutation Signup(\n    $username: String!\n    $password: String!\n    $deviceName: String\n    $deviceKey: String\n    $inviteCode: String\n  ) {\n    signup(\n      username: $username\n      password: $password\n      deviceName: $deviceName\n      deviceKey: $deviceKey\n      inviteCode: $inviteCode\n    ) {\n      __typename\n      ... on AuthPayload {\n        token\n        user {\n          id\n          username\n        }\n      }\n      ... on SignupRefusedError {\n        policy\n      }\n      ... on RateLimitedError {\n        retryAfterSeconds\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new U(`
    mutation Signup($username: String!, $password: String!, $deviceName: String, $deviceKey: String, $inviteCode: String) {
  signup(
    username: $username
    password: $password
    deviceName: $deviceName
    deviceKey: $deviceKey
    inviteCode: $inviteCode
  ) {
    __typename
    ... on AuthPayload {
      token
      user {
        id
        username
      }
    }
    ... on SignupRefusedError {
      policy
    }
    ... on RateLimitedError {
      retryAfterSeconds
    }
    ... on Error {
      message
      code
    }
  }
}
    `),"\n  mutation Login($username: String!, $password: String!, $deviceName: String, $deviceKey: String) {\n    login(username: $username, password: $password, deviceName: $deviceName, deviceKey: $deviceKey) {\n      __typename\n      ... on AuthPayload {\n        token\n        user {\n          id\n          username\n        }\n      }\n      ... on RateLimitedError {\n        retryAfterSeconds\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new U(`
    mutation Login($username: String!, $password: String!, $deviceName: String, $deviceKey: String) {
  login(
    username: $username
    password: $password
    deviceName: $deviceName
    deviceKey: $deviceKey
  ) {
    __typename
    ... on AuthPayload {
      token
      user {
        id
        username
      }
    }
    ... on RateLimitedError {
      retryAfterSeconds
    }
    ... on Error {
      message
      code
    }
  }
}
    `),"\n  mutation Logout {\n    logout\n  }\n":new U(`
    mutation Logout {
  logout
}
    `),"\n  query RootFolder($first: Int!, $after: String) {\n    folder {\n      ...EntryFields\n      children(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...EntryFields\n          }\n        }\n      }\n    }\n  }\n":new U(`
    query RootFolder($first: Int!, $after: String) {
  folder {
    ...EntryFields
    children(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...EntryFields
        }
      }
    }
  }
}
    fragment EntryFields on Entry {
  __typename
  id
  name
  path
  parentId
  modifiedAt
  trashed
  trashedAt
  hasLink
  shared {
    ownerUsername
    yourRole
    youOwn
    folderId
  }
  ... on File {
    size
    rev
    mimeType
    thumbnailUrl(size: 64)
  }
}`),"\n  query FolderByPath($path: String!, $first: Int!, $after: String) {\n    entry(path: $path) {\n      ...EntryFields\n      ... on Folder {\n        children(first: $first, after: $after) {\n          totalCount\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n          edges {\n            node {\n              ...EntryFields\n            }\n          }\n        }\n      }\n    }\n  }\n":new U(`
    query FolderByPath($path: String!, $first: Int!, $after: String) {
  entry(path: $path) {
    ...EntryFields
    ... on Folder {
      children(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...EntryFields
          }
        }
      }
    }
  }
}
    fragment EntryFields on Entry {
  __typename
  id
  name
  path
  parentId
  modifiedAt
  trashed
  trashedAt
  hasLink
  shared {
    ownerUsername
    yourRole
    youOwn
    folderId
  }
  ... on File {
    size
    rev
    mimeType
    thumbnailUrl(size: 64)
  }
}`),"\n  query Search($query: String!) {\n    search(query: $query, first: 100) {\n      ...EntryFields\n    }\n  }\n":new U(`
    query Search($query: String!) {
  search(query: $query, first: 100) {
    ...EntryFields
  }
}
    fragment EntryFields on Entry {
  __typename
  id
  name
  path
  parentId
  modifiedAt
  trashed
  trashedAt
  hasLink
  shared {
    ownerUsername
    yourRole
    youOwn
    folderId
  }
  ... on File {
    size
    rev
    mimeType
    thumbnailUrl(size: 64)
  }
}`),"\n  query Trash($first: Int!, $after: String) {\n    trash(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...EntryFields\n        }\n      }\n    }\n  }\n":new U(`
    query Trash($first: Int!, $after: String) {
  trash(first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...EntryFields
      }
    }
  }
}
    fragment EntryFields on Entry {
  __typename
  id
  name
  path
  parentId
  modifiedAt
  trashed
  trashedAt
  hasLink
  shared {
    ownerUsername
    yourRole
    youOwn
    folderId
  }
  ... on File {
    size
    rev
    mimeType
    thumbnailUrl(size: 64)
  }
}`),"\n  mutation CreateFolder($parentId: ID, $name: String!) {\n    createFolder(parentId: $parentId, name: $name) {\n      __typename\n      ... on Entry {\n        ...EntryFields\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new U(`
    mutation CreateFolder($parentId: ID, $name: String!) {
  createFolder(parentId: $parentId, name: $name) {
    __typename
    ... on Entry {
      ...EntryFields
    }
    ... on Error {
      message
      code
    }
  }
}
    fragment EntryFields on Entry {
  __typename
  id
  name
  path
  parentId
  modifiedAt
  trashed
  trashedAt
  hasLink
  shared {
    ownerUsername
    yourRole
    youOwn
    folderId
  }
  ... on File {
    size
    rev
    mimeType
    thumbnailUrl(size: 64)
  }
}`),"\n  mutation RenameEntry($id: ID!, $name: String!) {\n    renameEntry(id: $id, name: $name) {\n      __typename\n      ... on Entry {\n        ...EntryFields\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new U(`
    mutation RenameEntry($id: ID!, $name: String!) {
  renameEntry(id: $id, name: $name) {
    __typename
    ... on Entry {
      ...EntryFields
    }
    ... on Error {
      message
      code
    }
  }
}
    fragment EntryFields on Entry {
  __typename
  id
  name
  path
  parentId
  modifiedAt
  trashed
  trashedAt
  hasLink
  shared {
    ownerUsername
    yourRole
    youOwn
    folderId
  }
  ... on File {
    size
    rev
    mimeType
    thumbnailUrl(size: 64)
  }
}`),"\n  mutation MoveEntry($id: ID!, $parentId: ID!, $name: String) {\n    moveEntry(id: $id, parentId: $parentId, name: $name) {\n      __typename\n      ... on Entry {\n        ...EntryFields\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new U(`
    mutation MoveEntry($id: ID!, $parentId: ID!, $name: String) {
  moveEntry(id: $id, parentId: $parentId, name: $name) {
    __typename
    ... on Entry {
      ...EntryFields
    }
    ... on Error {
      message
      code
    }
  }
}
    fragment EntryFields on Entry {
  __typename
  id
  name
  path
  parentId
  modifiedAt
  trashed
  trashedAt
  hasLink
  shared {
    ownerUsername
    yourRole
    youOwn
    folderId
  }
  ... on File {
    size
    rev
    mimeType
    thumbnailUrl(size: 64)
  }
}`),"\n  mutation CopyEntry($id: ID!, $parentId: ID!, $name: String) {\n    copyEntry(id: $id, parentId: $parentId, name: $name) {\n      __typename\n      ... on Entry {\n        ...EntryFields\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new U(`
    mutation CopyEntry($id: ID!, $parentId: ID!, $name: String) {
  copyEntry(id: $id, parentId: $parentId, name: $name) {
    __typename
    ... on Entry {
      ...EntryFields
    }
    ... on Error {
      message
      code
    }
  }
}
    fragment EntryFields on Entry {
  __typename
  id
  name
  path
  parentId
  modifiedAt
  trashed
  trashedAt
  hasLink
  shared {
    ownerUsername
    yourRole
    youOwn
    folderId
  }
  ... on File {
    size
    rev
    mimeType
    thumbnailUrl(size: 64)
  }
}`),"\n  mutation DeleteEntry($id: ID!) {\n    deleteEntry(id: $id) {\n      __typename\n      ... on Entry {\n        ...EntryFields\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new U(`
    mutation DeleteEntry($id: ID!) {
  deleteEntry(id: $id) {
    __typename
    ... on Entry {
      ...EntryFields
    }
    ... on Error {
      message
      code
    }
  }
}
    fragment EntryFields on Entry {
  __typename
  id
  name
  path
  parentId
  modifiedAt
  trashed
  trashedAt
  hasLink
  shared {
    ownerUsername
    yourRole
    youOwn
    folderId
  }
  ... on File {
    size
    rev
    mimeType
    thumbnailUrl(size: 64)
  }
}`),"\n  mutation RestoreEntry($id: ID!) {\n    restoreEntry(id: $id) {\n      __typename\n      ... on Entry {\n        ...EntryFields\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new U(`
    mutation RestoreEntry($id: ID!) {
  restoreEntry(id: $id) {
    __typename
    ... on Entry {
      ...EntryFields
    }
    ... on Error {
      message
      code
    }
  }
}
    fragment EntryFields on Entry {
  __typename
  id
  name
  path
  parentId
  modifiedAt
  trashed
  trashedAt
  hasLink
  shared {
    ownerUsername
    yourRole
    youOwn
    folderId
  }
  ... on File {
    size
    rev
    mimeType
    thumbnailUrl(size: 64)
  }
}`),"\n  mutation PurgeEntry($id: ID!) {\n    purgeEntry(id: $id)\n  }\n":new U(`
    mutation PurgeEntry($id: ID!) {
  purgeEntry(id: $id)
}
    `),"\n  query FolderLookup($path: String!) {\n    entry(path: $path) {\n      __typename\n      id\n      path\n      ... on Folder {\n        children(first: 200) {\n          edges {\n            node {\n              __typename\n              id\n              name\n              path\n            }\n          }\n        }\n      }\n    }\n  }\n":new U(`
    query FolderLookup($path: String!) {
  entry(path: $path) {
    __typename
    id
    path
    ... on Folder {
      children(first: 200) {
        edges {
          node {
            __typename
            id
            name
            path
          }
        }
      }
    }
  }
}
    `),"\n  query DownloadUrl($id: ID!) {\n    entry(id: $id) {\n      ... on File {\n        downloadUrl(expiresIn: 300)\n      }\n    }\n  }\n":new U(`
    query DownloadUrl($id: ID!) {
  entry(id: $id) {
    ... on File {
      downloadUrl(expiresIn: 300)
    }
  }
}
    `),"\n  query Revisions($id: ID!) {\n    entry(id: $id) {\n      ... on File {\n        id\n        rev\n        revisions(first: 50) {\n          rev\n          size\n          createdAt\n          downloadUrl\n        }\n      }\n    }\n  }\n":new U(`
    query Revisions($id: ID!) {
  entry(id: $id) {
    ... on File {
      id
      rev
      revisions(first: 50) {
        rev
        size
        createdAt
        downloadUrl
      }
    }
  }
}
    `),"\n  mutation RestoreRevision($fileId: ID!, $rev: Int!) {\n    restoreRevision(fileId: $fileId, rev: $rev) {\n      __typename\n      ... on File {\n        id\n        rev\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new U(`
    mutation RestoreRevision($fileId: ID!, $rev: Int!) {
  restoreRevision(fileId: $fileId, rev: $rev) {
    __typename
    ... on File {
      id
      rev
    }
    ... on Error {
      message
      code
    }
  }
}
    `),"\n  query ShareLinks($entryId: ID!) {\n    shareLinks(entryId: $entryId) {\n      id\n      access\n      expiresAt\n      hasPassword\n      createdAt\n      downloadCount\n      url\n    }\n  }\n":new U(`
    query ShareLinks($entryId: ID!) {
  shareLinks(entryId: $entryId) {
    id
    access
    expiresAt
    hasPassword
    createdAt
    downloadCount
    url
  }
}
    `),"\n  mutation CreateShareLink(\n    $entryId: ID!\n    $access: ShareAccess\n    $expiresAt: DateTime\n    $password: String\n  ) {\n    createShareLink(entryId: $entryId, access: $access, expiresAt: $expiresAt, password: $password) {\n      __typename\n      ... on ShareLinkCreated {\n        url\n        token\n        link {\n          id\n        }\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new U(`
    mutation CreateShareLink($entryId: ID!, $access: ShareAccess, $expiresAt: DateTime, $password: String) {
  createShareLink(
    entryId: $entryId
    access: $access
    expiresAt: $expiresAt
    password: $password
  ) {
    __typename
    ... on ShareLinkCreated {
      url
      token
      link {
        id
      }
    }
    ... on Error {
      message
      code
    }
  }
}
    `),"\n  mutation RevokeShareLink($id: ID!) {\n    revokeShareLink(id: $id)\n  }\n":new U(`
    mutation RevokeShareLink($id: ID!) {
  revokeShareLink(id: $id)
}
    `),"\n  query Sessions {\n    sessions {\n      id\n      deviceName\n      createdAt\n      lastSeenAt\n      current\n    }\n  }\n":new U(`
    query Sessions {
  sessions {
    id
    deviceName
    createdAt
    lastSeenAt
    current
  }
}
    `),"\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n":new U(`
    mutation RevokeSession($id: ID!) {
  revokeSession(id: $id)
}
    `),"\n  mutation UploadFile($file: Upload!, $parentId: ID, $mode: WriteMode, $autorename: Boolean) {\n    uploadFile(file: $file, parentId: $parentId, mode: $mode, autorename: $autorename) {\n      __typename\n      ... on File {\n        id\n        name\n        path\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new U(`
    mutation UploadFile($file: Upload!, $parentId: ID, $mode: WriteMode, $autorename: Boolean) {
  uploadFile(
    file: $file
    parentId: $parentId
    mode: $mode
    autorename: $autorename
  ) {
    __typename
    ... on File {
      id
      name
      path
    }
    ... on Error {
      message
      code
    }
  }
}
    `),"\n  query SharedLink($token: String!, $password: String, $path: String, $after: String) {\n    sharedLink(token: $token, password: $password, path: $path) {\n      __typename\n      ... on SharedEntry {\n        name\n        path\n        isFolder\n        size\n        modifiedAt\n        access\n        expiresAt\n        downloadUrl\n        zipUrl\n        thumbnailUrl(size: 256)\n        children(first: 100, after: $after) {\n          items {\n            name\n            path\n            isFolder\n            size\n            modifiedAt\n            downloadUrl\n            thumbnailUrl(size: 64)\n          }\n          cursor\n          hasMore\n        }\n      }\n      ... on RateLimitedError {\n        retryAfterSeconds\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new U(`
    query SharedLink($token: String!, $password: String, $path: String, $after: String) {
  sharedLink(token: $token, password: $password, path: $path) {
    __typename
    ... on SharedEntry {
      name
      path
      isFolder
      size
      modifiedAt
      access
      expiresAt
      downloadUrl
      zipUrl
      thumbnailUrl(size: 256)
      children(first: 100, after: $after) {
        items {
          name
          path
          isFolder
          size
          modifiedAt
          downloadUrl
          thumbnailUrl(size: 64)
        }
        cursor
        hasMore
      }
    }
    ... on RateLimitedError {
      retryAfterSeconds
    }
    ... on Error {
      message
      code
    }
  }
}
    `),"\n  mutation UploadToShareLink($token: String!, $password: String, $file: Upload!) {\n    uploadToShareLink(token: $token, password: $password, file: $file) {\n      __typename\n      ... on File {\n        name\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new U(`
    mutation UploadToShareLink($token: String!, $password: String, $file: Upload!) {
  uploadToShareLink(token: $token, password: $password, file: $file) {
    __typename
    ... on File {
      name
    }
    ... on Error {
      message
      code
    }
  }
}
    `),"\n  fragment FolderMemberFields on FolderMember {\n    user {\n      username\n    }\n    role\n    isOwner\n  }\n":Qe,"\n  query FolderMembers($id: ID!) {\n    me {\n      username\n    }\n    entry(id: $id) {\n      __typename\n      id\n      name\n      path\n      shared {\n        ownerUsername\n        yourRole\n        youOwn\n        folderId\n      }\n      ... on Folder {\n        members {\n          ...FolderMemberFields\n        }\n      }\n    }\n  }\n":new U(`
    query FolderMembers($id: ID!) {
  me {
    username
  }
  entry(id: $id) {
    __typename
    id
    name
    path
    shared {
      ownerUsername
      yourRole
      youOwn
      folderId
    }
    ... on Folder {
      members {
        ...FolderMemberFields
      }
    }
  }
}
    fragment FolderMemberFields on FolderMember {
  user {
    username
  }
  role
  isOwner
}`),"\n  mutation ShareFolder($folderId: ID!, $username: String!, $role: MemberRole!) {\n    shareFolder(folderId: $folderId, username: $username, role: $role) {\n      __typename\n      ... on Folder {\n        id\n        members {\n          ...FolderMemberFields\n        }\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new U(`
    mutation ShareFolder($folderId: ID!, $username: String!, $role: MemberRole!) {
  shareFolder(folderId: $folderId, username: $username, role: $role) {
    __typename
    ... on Folder {
      id
      members {
        ...FolderMemberFields
      }
    }
    ... on Error {
      message
      code
    }
  }
}
    fragment FolderMemberFields on FolderMember {
  user {
    username
  }
  role
  isOwner
}`),"\n  mutation UpdateMember($folderId: ID!, $username: String!, $role: MemberRole!) {\n    updateMember(folderId: $folderId, username: $username, role: $role) {\n      __typename\n      ... on Folder {\n        id\n        members {\n          ...FolderMemberFields\n        }\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new U(`
    mutation UpdateMember($folderId: ID!, $username: String!, $role: MemberRole!) {
  updateMember(folderId: $folderId, username: $username, role: $role) {
    __typename
    ... on Folder {
      id
      members {
        ...FolderMemberFields
      }
    }
    ... on Error {
      message
      code
    }
  }
}
    fragment FolderMemberFields on FolderMember {
  user {
    username
  }
  role
  isOwner
}`),"\n  mutation RemoveMember($folderId: ID!, $username: String!) {\n    removeMember(folderId: $folderId, username: $username)\n  }\n":new U(`
    mutation RemoveMember($folderId: ID!, $username: String!) {
  removeMember(folderId: $folderId, username: $username)
}
    `),"\n  mutation LeaveFolder($folderId: ID!) {\n    leaveFolder(folderId: $folderId)\n  }\n":new U(`
    mutation LeaveFolder($folderId: ID!) {
  leaveFolder(folderId: $folderId)
}
    `),"\n  query EntryName($path: String!) {\n    entry(path: $path) {\n      __typename\n      id\n    }\n  }\n":new U(`
    query EntryName($path: String!) {
  entry(path: $path) {
    __typename
    id
  }
}
    `),"\n  mutation EmptyTrash {\n    emptyTrash\n  }\n":new U(`
    mutation EmptyTrash {
  emptyTrash
}
    `),"\n  query ServerInfo {\n    serverInfo {\n      version\n      storageBackend\n      signupPolicy\n      graphiqlEnabled\n    }\n  }\n":new U(`
    query ServerInfo {
  serverInfo {
    version
    storageBackend
    signupPolicy
    graphiqlEnabled
  }
}
    `),"\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      __typename\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new U(`
    mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
    __typename
    ... on Error {
      message
      code
    }
  }
}
    `),"\n  query LatestCursor {\n    latestCursor\n  }\n":new U(`
    query LatestCursor {
  latestCursor
}
    `),"\n  subscription LiveChanges($cursor: String) {\n    changes(cursor: $cursor) {\n      cursor\n      changes {\n        kind\n        id\n        parentId\n        entry {\n          ...EntryFields\n        }\n      }\n    }\n  }\n":new U(`
    subscription LiveChanges($cursor: String) {
  changes(cursor: $cursor) {
    cursor
    changes {
      kind
      id
      parentId
      entry {
        ...EntryFields
      }
    }
  }
}
    fragment EntryFields on Entry {
  __typename
  id
  name
  path
  parentId
  modifiedAt
  trashed
  trashedAt
  hasLink
  shared {
    ownerUsername
    yourRole
    youOwn
    folderId
  }
  ... on File {
    size
    rev
    mimeType
    thumbnailUrl(size: 64)
  }
}`),"\n  query ZipUrl($id: ID!) {\n    entry(id: $id) {\n      ... on Folder {\n        zipUrl\n      }\n    }\n  }\n":new U(`
    query ZipUrl($id: ID!) {
  entry(id: $id) {
    ... on Folder {
      zipUrl
    }
  }
}
    `),"\n  query AppPasswords {\n    appPasswords {\n      id\n      name\n      createdAt\n      lastUsedAt\n    }\n  }\n":new U(`
    query AppPasswords {
  appPasswords {
    id
    name
    createdAt
    lastUsedAt
  }
}
    `),"\n  mutation CreateAppPassword($name: String!) {\n    createAppPassword(name: $name) {\n      __typename\n      ... on AppPasswordCreated {\n        password\n        appPassword {\n          id\n          name\n        }\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new U(`
    mutation CreateAppPassword($name: String!) {
  createAppPassword(name: $name) {
    __typename
    ... on AppPasswordCreated {
      password
      appPassword {
        id
        name
      }
    }
    ... on Error {
      message
      code
    }
  }
}
    `),"\n  mutation RevokeAppPassword($id: ID!) {\n    revokeAppPassword(id: $id)\n  }\n":new U(`
    mutation RevokeAppPassword($id: ID!) {
  revokeAppPassword(id: $id)
}
    `),"\n  query LoginFlow($token: String!) {\n    loginFlow(token: $token) {\n      appName\n      expiresAt\n    }\n  }\n":new U(`
    query LoginFlow($token: String!) {
  loginFlow(token: $token) {
    appName
    expiresAt
  }
}
    `),"\n  mutation GrantLoginFlow($token: String!) {\n    grantLoginFlow(token: $token) {\n      __typename\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new U(`
    mutation GrantLoginFlow($token: String!) {
  grantLoginFlow(token: $token) {
    __typename
    ... on Error {
      message
      code
    }
  }
}
    `)};function W(e){return $e[e]??{}}W(`
  fragment EntryFields on Entry {
    __typename
    id
    name
    path
    parentId
    modifiedAt
    trashed
    trashedAt
    hasLink
    shared {
      ownerUsername
      yourRole
      youOwn
      folderId
    }
    ... on File {
      size
      rev
      mimeType
      thumbnailUrl(size: 64)
    }
  }
`);var et=W(`
  query Me {
    me {
      id
      username
      usage {
        usedBytes
        quotaBytes
      }
    }
  }
`),tt=W(`
  mutation Signup(
    $username: String!
    $password: String!
    $deviceName: String
    $deviceKey: String
    $inviteCode: String
  ) {
    signup(
      username: $username
      password: $password
      deviceName: $deviceName
      deviceKey: $deviceKey
      inviteCode: $inviteCode
    ) {
      __typename
      ... on AuthPayload {
        token
        user {
          id
          username
        }
      }
      ... on SignupRefusedError {
        policy
      }
      ... on RateLimitedError {
        retryAfterSeconds
      }
      ... on Error {
        message
        code
      }
    }
  }
`),nt=W(`
  mutation Login($username: String!, $password: String!, $deviceName: String, $deviceKey: String) {
    login(username: $username, password: $password, deviceName: $deviceName, deviceKey: $deviceKey) {
      __typename
      ... on AuthPayload {
        token
        user {
          id
          username
        }
      }
      ... on RateLimitedError {
        retryAfterSeconds
      }
      ... on Error {
        message
        code
      }
    }
  }
`),rt=W(`
  mutation Logout {
    logout
  }
`),it=W(`
  query RootFolder($first: Int!, $after: String) {
    folder {
      ...EntryFields
      children(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...EntryFields
          }
        }
      }
    }
  }
`),at=W(`
  query FolderByPath($path: String!, $first: Int!, $after: String) {
    entry(path: $path) {
      ...EntryFields
      ... on Folder {
        children(first: $first, after: $after) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            node {
              ...EntryFields
            }
          }
        }
      }
    }
  }
`),ot=W(`
  query Search($query: String!) {
    search(query: $query, first: 100) {
      ...EntryFields
    }
  }
`),st=W(`
  query Trash($first: Int!, $after: String) {
    trash(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...EntryFields
        }
      }
    }
  }
`),ct=W(`
  mutation CreateFolder($parentId: ID, $name: String!) {
    createFolder(parentId: $parentId, name: $name) {
      __typename
      ... on Entry {
        ...EntryFields
      }
      ... on Error {
        message
        code
      }
    }
  }
`),lt=W(`
  mutation RenameEntry($id: ID!, $name: String!) {
    renameEntry(id: $id, name: $name) {
      __typename
      ... on Entry {
        ...EntryFields
      }
      ... on Error {
        message
        code
      }
    }
  }
`),ut=W(`
  mutation MoveEntry($id: ID!, $parentId: ID!, $name: String) {
    moveEntry(id: $id, parentId: $parentId, name: $name) {
      __typename
      ... on Entry {
        ...EntryFields
      }
      ... on Error {
        message
        code
      }
    }
  }
`),dt=W(`
  mutation CopyEntry($id: ID!, $parentId: ID!, $name: String) {
    copyEntry(id: $id, parentId: $parentId, name: $name) {
      __typename
      ... on Entry {
        ...EntryFields
      }
      ... on Error {
        message
        code
      }
    }
  }
`),ft=W(`
  mutation DeleteEntry($id: ID!) {
    deleteEntry(id: $id) {
      __typename
      ... on Entry {
        ...EntryFields
      }
      ... on Error {
        message
        code
      }
    }
  }
`),pt=W(`
  mutation RestoreEntry($id: ID!) {
    restoreEntry(id: $id) {
      __typename
      ... on Entry {
        ...EntryFields
      }
      ... on Error {
        message
        code
      }
    }
  }
`),mt=W(`
  mutation PurgeEntry($id: ID!) {
    purgeEntry(id: $id)
  }
`),ht=W(`
  query FolderLookup($path: String!) {
    entry(path: $path) {
      __typename
      id
      path
      ... on Folder {
        children(first: 200) {
          edges {
            node {
              __typename
              id
              name
              path
            }
          }
        }
      }
    }
  }
`),gt=W(`
  query DownloadUrl($id: ID!) {
    entry(id: $id) {
      ... on File {
        downloadUrl(expiresIn: 300)
      }
    }
  }
`),_t=W(`
  query Revisions($id: ID!) {
    entry(id: $id) {
      ... on File {
        id
        rev
        revisions(first: 50) {
          rev
          size
          createdAt
          downloadUrl
        }
      }
    }
  }
`),vt=W(`
  mutation RestoreRevision($fileId: ID!, $rev: Int!) {
    restoreRevision(fileId: $fileId, rev: $rev) {
      __typename
      ... on File {
        id
        rev
      }
      ... on Error {
        message
        code
      }
    }
  }
`),yt=W(`
  query ShareLinks($entryId: ID!) {
    shareLinks(entryId: $entryId) {
      id
      access
      expiresAt
      hasPassword
      createdAt
      downloadCount
      url
    }
  }
`),bt=W(`
  mutation CreateShareLink(
    $entryId: ID!
    $access: ShareAccess
    $expiresAt: DateTime
    $password: String
  ) {
    createShareLink(entryId: $entryId, access: $access, expiresAt: $expiresAt, password: $password) {
      __typename
      ... on ShareLinkCreated {
        url
        token
        link {
          id
        }
      }
      ... on Error {
        message
        code
      }
    }
  }
`),xt=W(`
  mutation RevokeShareLink($id: ID!) {
    revokeShareLink(id: $id)
  }
`),St=W(`
  query Sessions {
    sessions {
      id
      deviceName
      createdAt
      lastSeenAt
      current
    }
  }
`),Ct=W(`
  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id)
  }
`),wt=W(`
  mutation UploadFile($file: Upload!, $parentId: ID, $mode: WriteMode, $autorename: Boolean) {
    uploadFile(file: $file, parentId: $parentId, mode: $mode, autorename: $autorename) {
      __typename
      ... on File {
        id
        name
        path
      }
      ... on Error {
        message
        code
      }
    }
  }
`),Tt=W(`
  query SharedLink($token: String!, $password: String, $path: String, $after: String) {
    sharedLink(token: $token, password: $password, path: $path) {
      __typename
      ... on SharedEntry {
        name
        path
        isFolder
        size
        modifiedAt
        access
        expiresAt
        downloadUrl
        zipUrl
        thumbnailUrl(size: 256)
        children(first: 100, after: $after) {
          items {
            name
            path
            isFolder
            size
            modifiedAt
            downloadUrl
            thumbnailUrl(size: 64)
          }
          cursor
          hasMore
        }
      }
      ... on RateLimitedError {
        retryAfterSeconds
      }
      ... on Error {
        message
        code
      }
    }
  }
`),Et=W(`
  mutation UploadToShareLink($token: String!, $password: String, $file: Upload!) {
    uploadToShareLink(token: $token, password: $password, file: $file) {
      __typename
      ... on File {
        name
      }
      ... on Error {
        message
        code
      }
    }
  }
`);W(`
  fragment FolderMemberFields on FolderMember {
    user {
      username
    }
    role
    isOwner
  }
`);var Dt=W(`
  query FolderMembers($id: ID!) {
    me {
      username
    }
    entry(id: $id) {
      __typename
      id
      name
      path
      shared {
        ownerUsername
        yourRole
        youOwn
        folderId
      }
      ... on Folder {
        members {
          ...FolderMemberFields
        }
      }
    }
  }
`),Ot=W(`
  mutation ShareFolder($folderId: ID!, $username: String!, $role: MemberRole!) {
    shareFolder(folderId: $folderId, username: $username, role: $role) {
      __typename
      ... on Folder {
        id
        members {
          ...FolderMemberFields
        }
      }
      ... on Error {
        message
        code
      }
    }
  }
`),kt=W(`
  mutation UpdateMember($folderId: ID!, $username: String!, $role: MemberRole!) {
    updateMember(folderId: $folderId, username: $username, role: $role) {
      __typename
      ... on Folder {
        id
        members {
          ...FolderMemberFields
        }
      }
      ... on Error {
        message
        code
      }
    }
  }
`),At=W(`
  mutation RemoveMember($folderId: ID!, $username: String!) {
    removeMember(folderId: $folderId, username: $username)
  }
`),jt=W(`
  mutation LeaveFolder($folderId: ID!) {
    leaveFolder(folderId: $folderId)
  }
`),Mt=W(`
  query EntryName($path: String!) {
    entry(path: $path) {
      __typename
      id
    }
  }
`),Nt=W(`
  mutation EmptyTrash {
    emptyTrash
  }
`),Pt=W(`
  query ServerInfo {
    serverInfo {
      version
      storageBackend
      signupPolicy
      graphiqlEnabled
    }
  }
`),Ft=W(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      __typename
      ... on Error {
        message
        code
      }
    }
  }
`),It=W(`
  query LatestCursor {
    latestCursor
  }
`),Lt=W(`
  subscription LiveChanges($cursor: String) {
    changes(cursor: $cursor) {
      cursor
      changes {
        kind
        id
        parentId
        entry {
          ...EntryFields
        }
      }
    }
  }
`),Rt=W(`
  query ZipUrl($id: ID!) {
    entry(id: $id) {
      ... on Folder {
        zipUrl
      }
    }
  }
`),zt=W(`
  query AppPasswords {
    appPasswords {
      id
      name
      createdAt
      lastUsedAt
    }
  }
`),Bt=W(`
  mutation CreateAppPassword($name: String!) {
    createAppPassword(name: $name) {
      __typename
      ... on AppPasswordCreated {
        password
        appPassword {
          id
          name
        }
      }
      ... on Error {
        message
        code
      }
    }
  }
`),Vt=W(`
  mutation RevokeAppPassword($id: ID!) {
    revokeAppPassword(id: $id)
  }
`),Ht=W(`
  query LoginFlow($token: String!) {
    loginFlow(token: $token) {
      appName
      expiresAt
    }
  }
`),Ut=W(`
  mutation GrantLoginFlow($token: String!) {
    grantLoginFlow(token: $token) {
      __typename
      ... on Error {
        message
        code
      }
    }
  }
`),Wt=[`bytes`,`KiB`,`MiB`,`GiB`,`TiB`,`PiB`];function G(e){if(!Number.isFinite(e)||e<0)return``;if(e===1)return`1 byte`;let t=e,n=0;for(;t>=1024&&n<Wt.length-1;)t/=1024,n+=1;return`${n===0?String(t):t<10?t.toFixed(1):Math.round(t).toString()} ${Wt[n]}`}function K(e,t=new Date){let n=new Date(e);return Number.isNaN(n.getTime())?``:n.toDateString()===t.toDateString()?n.toLocaleTimeString(void 0,{hour:`2-digit`,minute:`2-digit`}):n.toLocaleDateString(void 0,{year:`numeric`,month:`short`,day:`numeric`})}function Gt(e,t){return t==null?`${G(e)} used`:`${G(e)} of ${G(t)} used`}function Kt(e){let t=qt(e);return t.length===0?`/`:`/browse/${t.map(encodeURIComponent).join(`/`)}`}function qt(e){return e.split(`/`).filter(e=>e.length>0)}function Jt(e){return`/${e.replace(/^\/browse\/?/,``).split(`/`).filter(e=>e.length>0).map(e=>{try{return decodeURIComponent(e)}catch{return e}}).join(`/`)}`}function Yt(e){let t=qt(e),n=[{name:`All files`,path:`/`}];return t.forEach((e,r)=>n.push({name:e,path:`/${t.slice(0,r+1).join(`/`)}`})),n}function Xt(e){return`/${qt(e).slice(0,-1).join(`/`)}`}function Zt(e){return`/${qt(e.trim()).join(`/`)}`}var Qt=`dropbox-lite:navigate`;function $t(){return{pathname:window.location.pathname,search:new URLSearchParams(window.location.search)}}function en(e,t=!1){t?window.history.replaceState(null,``,e):window.history.pushState(null,``,e),window.dispatchEvent(new Event(Qt))}function tn(){let[e,t]=z($t);return B(()=>{let e=()=>t($t());return window.addEventListener(`popstate`,e),window.addEventListener(Qt,e),()=>{window.removeEventListener(`popstate`,e),window.removeEventListener(Qt,e)}},[]),e}function q(e){let t=e.currentTarget;e.button!==0||e.metaKey||e.ctrlKey||e.shiftKey||e.altKey||(e.preventDefault(),en(t.getAttribute(`href`)??`/`))}var nn={EDITOR:`Editor`,VIEWER:`Viewer`};function rn(e){return e.shared!=null&&e.shared.folderId===e.id}function an(e){return rn(e)&&!e.shared?.youOwn}function on(e){return!e.shared||e.shared.yourRole===`EDITOR`||an(e)}function sn(e){return!e||e.yourRole===`EDITOR`}function cn(e){return e.__typename===`Folder`&&!e.trashed&&(!e.shared||rn(e))}function ln(e){return e.youOwn?`Shared by you`:`Shared by ${e.ownerUsername}`}function un(e,t){let n=e.filter(e=>!e.isOwner);return n.length===0?`nobody yet`:n.map(e=>{let n=nn[e.role];return`${e.user.username} (${e.user.username===t?`you, ${n}`:n})`}).join(`, `)}function dn(e){return e.youOwn?`You own this folder: its files count against your storage, whoever adds them.`:e.yourRole===`EDITOR`?`${e.ownerUsername} shared this folder with you as an Editor: you can add, change and delete files.`:`${e.ownerUsername} shared this folder with you as a Viewer: you can open and download files, not change them.`}var fn=new Set([`0.0.0.0`,`[::]`,`::`]);function pn(e,t,n){let r;try{r=new URL(e)}catch{return t?`${n}/s/${encodeURIComponent(t)}`:e}return fn.has(r.hostname)?t?`${n}/s/${encodeURIComponent(t)}`:`${n}${r.pathname}${r.search}`:e}var mn={NameTakenError:`An item with this name is already here.`,InvalidNameError:`That name is not allowed.`,InvalidMoveError:`A folder cannot go into itself.`,QuotaExceededError:`There is not enough space left in your storage.`,FileTooLargeError:`The file is larger than this server accepts.`,UsernameTakenError:`That username is taken.`,InvalidCredentialsError:`Wrong username or password.`,WrongPasswordError:`Wrong password.`,PasswordRequiredError:`This link needs a password.`,NotFoundError:`This link does not exist, has expired or was taken back.`,ConflictError:`The file changed meanwhile.`,PermissionDeniedError:`You may not change this: the folder is shared with you as a Viewer.`};function J(e){if(e.__typename===`RateLimitedError`&&e.retryAfterSeconds!=null){let t=e.retryAfterSeconds;return`Too many attempts. Try again in ${t} second${t===1?``:`s`}.`}return e.message?e.message:mn[e.__typename??``]??`That did not work.`}function Y(e){return e instanceof Je?`Cancelled.`:e instanceof We?e.message:`Something went wrong. Try again.`}var X=new Map,Z=new Map,hn=new Set,gn=!1;function _n(){gn||(gn=!0,queueMicrotask(()=>{gn=!1;for(let e of hn)e()}))}function vn(e){return hn.add(e),()=>hn.delete(e)}function yn(e){return e?X.get(e):void 0}function bn(e){let t=[];for(let n of e.ids){let r=X.get(n);r&&e.spec.keep(r,e)&&t.push(r)}return t}function xn(e,t){return t===`/`?e!==`/`:e.startsWith(`${t}/`)}function Sn(e){let t=X.get(e.id);if(X.set(e.id,t?{...t,...e}:e),!t||t.__typename!==`Folder`||t.path===e.path)return;let n=t.path;for(let[t,r]of X)xn(r.path,n)&&X.set(t,{...r,path:e.path+r.path.slice(n.length)});for(let[e,t]of Z){let r=e.startsWith(`folder:`)?e.slice(7):null;r!==null&&(r===n||xn(r,n))&&(t.readers===0?Z.delete(e):t.stale=!0)}}function Cn(e){for(let t of e)Sn(t);for(let t of Z.values()){if(!t.loaded)continue;let n=new Set(t.ids);for(let r of e){let e=X.get(r.id);e&&(n.has(r.id)?t.spec.keep(e,t)||(t.ids=t.ids.filter(e=>e!==r.id),t.totalCount=Math.max(0,t.totalCount-1)):t.spec.accepts?.(e,t)&&(t.ids=[...t.ids,r.id],t.totalCount+=1))}}_n()}function wn(e,t=()=>!1){let n=new Set(e),r=new Set;for(let e of Z.values()){if(t(e.key)){for(let t of e.ids)n.has(t)&&r.add(t);continue}e.folderId!==null&&n.has(e.folderId)&&(e.stale=!0,e.readers>0&&Tn(e,!1));let i=e.ids.filter(e=>!n.has(e));e.totalCount=Math.max(0,e.totalCount-(e.ids.length-i.length)),e.ids=i}for(let e of n)r.has(e)||X.delete(e);_n()}async function Tn(e,t){if(t&&(e.inflight||!e.endCursor))return;e.inflight?.abort();let n=new AbortController;e.inflight=n;let r=t?100:Math.max(100,e.ids.length);try{let i=await e.spec.fetch(t?e.endCursor:null,r,n.signal);if(n.signal.aborted)return;if(i===null)Object.assign(e,{ids:[],folderId:null,totalCount:0,endCursor:null,hasNextPage:!1,missing:!0});else{for(let e of i.folder?[i.folder,...i.entries]:i.entries)Sn(e);let n=i.entries.map(e=>e.id);e.ids=t?[...e.ids.filter(e=>!n.includes(e)),...n]:n,e.folderId=i.folder?.id??e.folderId,Object.assign(e,{totalCount:i.totalCount,endCursor:i.endCursor,hasNextPage:i.hasNextPage,missing:!1})}Object.assign(e,{loaded:!0,stale:!1,error:null})}catch(t){if(n.signal.aborted)return;e.error=Y(t)}finally{e.inflight===n&&(e.inflight=null)}_n()}function En(e){return Tn(e,!0)}function Dn(e=()=>!0){for(let t of Z.values())e(t.key)&&(t.stale=!0,t.readers>0&&Tn(t,!1))}function On(e,t){let n=Z.get(e);return n||(n={key:e,spec:t,ids:[],folderId:null,totalCount:0,endCursor:null,hasNextPage:!1,missing:!1,error:null,loaded:!1,stale:!0,inflight:null,readers:0},Z.set(e,n)),n.spec=t,n}function kn(){let[,e]=z(0);B(()=>vn(()=>e(e=>e+1)),[])}function An(e,t){kn();let n=On(e,t);return B(()=>{let t=Z.get(e)??n;return Z.set(e,t),t.readers+=1,Tn(t,!1),()=>{--t.readers,t.readers===0&&e.startsWith(`search:`)&&Z.delete(e)}},[e]),n}function jn(){for(let e of Z.values())e.inflight?.abort();Z.clear(),X.clear(),_n()}function Mn(e){return!e.trashed}function Nn(e){let t=(e,t)=>Mn(e)&&t.folderId!==null&&e.parentId===t.folderId;return[`folder:${e}`,{keep:t,accepts:t,fetch:async(t,n,r)=>{let i=e===`/`?(await qe(it,{first:n,after:t},r)).folder:(await qe(at,{path:e,first:n,after:t},r)).entry;if(!i||i.__typename!==`Folder`)return null;let{children:a,...o}=i;return{folder:o,entries:a.edges.map(e=>e.node),totalCount:a.totalCount,endCursor:a.pageInfo.endCursor,hasNextPage:a.pageInfo.hasNextPage}}}]}var Pn=[`trash`,{keep:e=>e.trashed,fetch:async(e,t,n)=>{let r=(await qe(st,{first:t,after:e},n)).trash;return{entries:r.edges.map(e=>e.node),totalCount:r.totalCount,endCursor:r.pageInfo.endCursor,hasNextPage:r.pageInfo.hasNextPage}}}];function Fn(e){return[`search:${e}`,{keep:Mn,fetch:async(t,n,r)=>{let i=e?(await qe(ot,{query:e},r)).search:[];return{entries:i,totalCount:i.length,endCursor:null,hasNextPage:!1}}}]}var In=[`shared`,{keep:e=>Mn(e)&&an(e),fetch:async(e,t,n)=>{let r=[],i=null;for(let e=0;e<50;e+=1){let e=(await qe(it,{first:200,after:i},n)).folder.children;if(r.push(...e.edges.map(e=>e.node).filter(e=>an(e))),!e.pageInfo.hasNextPage||!e.pageInfo.endCursor)break;i=e.pageInfo.endCursor}return{entries:r,totalCount:r.length,endCursor:null,hasNextPage:!1}}}];function Ln(){Dn(e=>!e.startsWith(`folder:`))}function Rn(e){(e.__typename===`File`||e.__typename===`Folder`)&&Cn([e])}function zn(e){let t=e.filter(e=>e.kind===`UPSERTED`&&e.entry).map(e=>e.entry),n=e.filter(e=>e.kind===`DELETED`).map(e=>e.id);if(t.length>0&&Cn(t),n.length>0){let e=e=>e===Pn[0];wn(n,e),Dn(e)}}function Bn(){let{protocol:e,host:t}=window.location;return`${e===`https:`?`wss:`:`ws:`}//${t}/graphql`}function Vn({token:e,onChange:t}){let n=!1,r=null,i=1e3,a=0;async function o(){let a;try{a=(await H(It)).latestCursor}catch{s();return}if(n)return;let o=new WebSocket(Bn(),`graphql-transport-ws`);r=o,o.onopen=()=>o.send(JSON.stringify({type:`connection_init`,payload:{Authorization:`Bearer ${e}`}})),o.onmessage=e=>{let n;try{n=JSON.parse(e.data)}catch{return}if(n.type===`connection_ack`)i=1e3,o.send(JSON.stringify({id:`changes`,type:`subscribe`,payload:{query:Lt.toString(),variables:{cursor:a}}}));else if(n.type===`ping`)o.send(JSON.stringify({type:`pong`}));else if(n.type===`next`){let e=n.payload?.data?.changes;e&&e.changes.length>0&&t(e.changes)}},o.onclose=()=>{r===o&&(r=null),s()}}function s(){n||(window.clearTimeout(a),a=window.setTimeout(()=>void o(),i),i=Math.min(i*2,3e4))}return o(),()=>{n=!0,window.clearTimeout(a),r?.close()}}var Hn=Symbol.for(`pv`),Un=0;Array.isArray;function Q(e,n,r,i,a,o){n||={};var s,c,l=n;if(`ref`in l&&typeof e!=`function`)for(c in l={},n)c==`ref`?s=n[c]:l[c]=n[c];var u={type:e,props:l,key:r,ref:s,__k:null,__:null,__b:0,__e:null,__c:null,constructor:Hn,__v:--Un,__i:-1,__u:0};return(a||o)&&(u.__source=a,u.__self=o),t.vnode&&t.vnode(u),u}var Wn=null;function Gn(){let[e,t]=z(null);return B(()=>{Wn??=H(Pt).then(e=>e.serverInfo).catch(()=>(Wn=null,null));let e=!0;return Wn.then(n=>e&&t(n)),()=>{e=!1}},[]),e}var Kn=`dropbox-lite.known-usernames`;function qn(){try{let e=JSON.parse(window.localStorage.getItem(Kn)??`[]`);return Array.isArray(e)?e.filter(e=>typeof e==`string`):[]}catch{return[]}}function Jn(e){let t=qn().filter(t=>t!==e.toLowerCase());try{window.localStorage.setItem(Kn,JSON.stringify([e.toLowerCase(),...t].slice(0,20)))}catch{}}function Yn(e){return qn().includes(e.toLowerCase())}var Xn=`This server has forgotten its accounts: it keeps everything in memory, and it was restarted. Create your account again (your files are gone too).`;function Zn({info:e}){return e?.storageBackend===`memory`?Q(`p`,{role:`alert`,class:`memory-banner`,children:[`This server keeps everything in memory: accounts and files are gone when it stops. Set`,` `,Q(`code`,{children:`DROPBOX_LITE_MONGODB_URI`}),` to keep them.`]}):null}async function Qn(e,t){try{return await navigator.clipboard.writeText(t),!0}catch{return e?.select(),document.execCommand(`copy`)}}function $n(e,t){return`pipx install ${e}/client/dropbox_lite-${t}-py3-none-any.whl`}function er({title:e,onClose:t,children:n,wide:r}){let i=V(null),a=Se();return B(()=>{let e=document.activeElement,t=i.current;return t&&!t.open&&t.showModal(),()=>{t?.close();let n=e;n?.isConnected&&typeof n.focus==`function`&&n.focus()}},[]),Q(`dialog`,{ref:i,class:r?`dialog dialog-wide`:`dialog`,"aria-labelledby":a,onCancel:e=>{e.preventDefault(),t()},children:[Q(`h2`,{id:a,children:e}),n]})}function tr({title:e,action:t,children:n,onConfirm:r,onClose:i}){let[a,o]=z(!1);return Q(er,{title:e,onClose:i,children:[n,Q(`div`,{class:`dialog-actions`,children:[Q(`button`,{type:`button`,onClick:i,autoFocus:!0,children:`Cancel`}),Q(`button`,{type:`button`,class:`danger`,disabled:a,onClick:async()=>{o(!0),await r(),o(!1),i()},children:t})]})]})}var nr=null;function $(e,t=`info`,n){nr?.({text:e,kind:t,at:Date.now(),action:n})}function rr(){let[e,t]=z(null);return B(()=>(nr=t,()=>{nr=null}),[]),B(()=>{if(!e||e.kind===`error`)return;let n=window.setTimeout(()=>t(null),e.action?1e4:6e3);return()=>window.clearTimeout(n)},[e]),Q(`div`,{class:`notice-area`,children:[Q(`p`,{role:`status`,class:`notice`,children:[e?.kind===`info`?e.text:``,e?.kind===`info`&&e.action&&Q(b,{children:[` `,Q(`button`,{type:`button`,class:`link-button`,onClick:()=>{e.action?.run(),t(null)},children:e.action.label})]})]}),e?.kind===`error`&&Q(`p`,{role:`alert`,class:`notice notice-error`,children:[e.text,` `,Q(`button`,{type:`button`,class:`link-button`,onClick:()=>t(null),children:`Dismiss`})]})]})}function ir({name:e,password:t,onDone:n}){let r=V(null),[i,a]=z(null);return Q(`div`,{class:`created-secret`,role:`region`,"aria-labelledby":`created-title`,children:[Q(`h3`,{id:`created-title`,children:[`App password for “`,e,`”`]}),Q(`p`,{children:[Q(`strong`,{children:`It is shown once:`}),` copy it into the app now. It cannot be seen again; if it is lost, revoke it and create another.`]}),Q(`div`,{class:`copy-line`,children:[Q(`label`,{for:`new-app-password`,class:`visually-hidden`,children:`New app password`}),Q(`input`,{ref:r,id:`new-app-password`,class:`mono`,readOnly:!0,value:t,onFocus:e=>e.currentTarget.select()}),Q(`button`,{type:`button`,class:`primary`,onClick:async()=>a(await Qn(r.current,t)?`Copied.`:`Select the password and copy it.`),children:`Copy`})]}),i&&Q(`p`,{role:`status`,class:`form-note`,children:i}),Q(`button`,{type:`button`,onClick:n,children:`Done`})]})}function ar(){let[e,t]=z(null),[n,r]=z(``),[i,a]=z(null),[o,s]=z(null),[c,l]=z(!1),[u,d]=z(null);async function f(){try{t((await H(zt)).appPasswords)}catch(e){s(Y(e))}}B(()=>{f()},[]);async function p(){l(!0),s(null);try{let e=(await H(Bt,{name:n.trim()})).createAppPassword;e.__typename===`AppPasswordCreated`?(a({name:e.appPassword.name,password:e.password}),r(``),await f()):s(J(e))}catch(e){s(Y(e))}finally{l(!1)}}return Q(`section`,{class:`panel`,"aria-labelledby":`app-passwords`,children:[Q(`h2`,{id:`app-passwords`,children:`App passwords`}),Q(`p`,{class:`muted`,children:`For WebDAV and Nextcloud apps (Finder, Windows, rclone, the Nextcloud apps): give each app its own password instead of yours, and revoke it when you stop using that app.`}),i?Q(ir,{name:i.name,password:i.password,onDone:()=>a(null)}):Q(`form`,{class:`account-form`,onSubmit:e=>{e.preventDefault(),p()},children:[Q(`label`,{for:`app-password-name`,children:`Name`}),Q(`input`,{id:`app-password-name`,required:!0,maxLength:100,placeholder:`e.g. Laptop, rclone`,value:n,onInput:e=>r(e.currentTarget.value)}),Q(`button`,{type:`submit`,class:`primary`,disabled:c,children:`Create app password`})]}),o&&Q(`p`,{role:`alert`,class:`form-error`,children:o}),e===null?Q(`p`,{class:`muted`,children:`Loading…`}):e.length===0?Q(`p`,{class:`muted`,children:`No app passwords yet.`}):Q(`table`,{class:`entries app-passwords`,children:[Q(`caption`,{class:`visually-hidden`,children:`App passwords`}),Q(`thead`,{children:Q(`tr`,{children:[Q(`th`,{scope:`col`,children:`Name`}),Q(`th`,{scope:`col`,children:`Created`}),Q(`th`,{scope:`col`,children:`Last used`}),Q(`th`,{scope:`col`,children:Q(`span`,{class:`visually-hidden`,children:`Actions`})})]})}),Q(`tbody`,{children:e.map(e=>Q(`tr`,{children:[Q(`th`,{scope:`row`,children:e.name}),Q(`td`,{class:`muted`,children:K(e.createdAt)}),Q(`td`,{class:`muted`,children:e.lastUsedAt?K(e.lastUsedAt):`Never`}),Q(`td`,{class:`actions`,children:Q(`button`,{type:`button`,class:`danger-text`,"aria-label":`Revoke ${e.name}`,onClick:()=>d(e),children:`Revoke`})})]},e.id))})]}),u&&Q(tr,{title:`Revoke “${u.name}”?`,action:`Revoke`,onClose:()=>d(null),onConfirm:async()=>{try{(await H(Vt,{id:u.id})).revokeAppPassword&&$(`Revoked “${u.name}”: that app is signed out.`),await f()}catch(e){$(Y(e),`error`)}},children:Q(`p`,{children:`The app that uses it is signed out at once and cannot sign in with it again.`})})]})}function or(){let e=Gn(),t=V(null);if(!e)return null;let n=$n(window.location.origin,e.version);return Q(`section`,{class:`install`,"aria-labelledby":`install-title`,children:[Q(`h2`,{id:`install-title`,class:`section-title`,children:`Sync a folder on a computer`}),Q(`p`,{class:`muted`,children:[`Install the sync client (Python 3.11 or newer) from this server, then run`,` `,Q(`code`,{children:[`dropbox-lite sync DIR --server `,window.location.origin,` --username NAME`]}),`.`]}),Q(`div`,{class:`copy-line`,children:[Q(`label`,{for:`install-command`,class:`visually-hidden`,children:`Install command`}),Q(`input`,{ref:t,id:`install-command`,class:`mono`,readOnly:!0,value:n,onFocus:e=>e.currentTarget.select()}),Q(`button`,{type:`button`,onClick:async()=>{await Qn(t.current,n)?$(`Install command copied.`):$(`Copy failed: select the command and copy it by hand.`,`error`)},children:`Copy`})]})]})}function sr({embedded:e=!1}){let[t,n]=z(null);async function r(){try{n((await H(St)).sessions)}catch(e){$(Y(e),`error`)}}B(()=>{r()},[]);async function i(e){try{await H(Ct,{id:e.id}),$(`Signed out ${e.deviceName??`the device`}.`),await r()}catch(e){$(Y(e),`error`)}}return Q(`div`,{children:[e?Q(`h2`,{class:`section-title`,children:`Devices`}):Q(`div`,{class:`toolbar`,children:Q(`h1`,{children:`Devices`})}),Q(`p`,{class:`muted`,children:`Every device signed in to your account. Sign out the ones you do not recognize.`}),t===null?Q(`p`,{class:`muted`,children:`Loading…`}):Q(`table`,{class:`entries`,children:[Q(`caption`,{class:`visually-hidden`,children:`Signed-in devices`}),Q(`thead`,{children:Q(`tr`,{children:[Q(`th`,{scope:`col`,children:`Device`}),Q(`th`,{scope:`col`,children:`Signed in`}),Q(`th`,{scope:`col`,children:`Last used`}),Q(`th`,{scope:`col`,children:Q(`span`,{class:`visually-hidden`,children:`Actions`})})]})}),Q(`tbody`,{children:t.map(e=>Q(`tr`,{children:[Q(`th`,{scope:`row`,children:[e.deviceName??`Unnamed device`,e.current&&` `,e.current&&Q(`span`,{class:`badge`,children:`this device`})]}),Q(`td`,{class:`muted`,children:K(e.createdAt)}),Q(`td`,{class:`muted`,children:K(e.lastSeenAt)}),Q(`td`,{class:`actions`,children:!e.current&&Q(`button`,{type:`button`,onClick:()=>void i(e),children:`Sign out device`})})]},e.id))})]}),Q(or,{})]})}function cr(){let[e,t]=z(``),[n,r]=z(``),[i,a]=z(null),[o,s]=z(!1),[c,l]=z(!1);return Q(`form`,{class:`panel account-form`,"aria-labelledby":`change-password`,onSubmit:async i=>{i.preventDefault(),l(!0),a(null),s(!1);try{let i=(await H(Ft,{currentPassword:e,newPassword:n})).changePassword;i.__typename===`User`?(s(!0),t(``),r(``)):a(J(i))}catch(e){a(Y(e))}finally{l(!1)}},children:[Q(`h2`,{id:`change-password`,children:`Change password`}),Q(`label`,{for:`current-password`,children:`Current password`}),Q(`input`,{id:`current-password`,type:`password`,autocomplete:`current-password`,required:!0,value:e,onInput:e=>t(e.currentTarget.value)}),Q(`label`,{for:`new-password`,children:`New password`}),Q(`input`,{id:`new-password`,type:`password`,autocomplete:`new-password`,required:!0,minLength:8,value:n,onInput:e=>r(e.currentTarget.value)}),Q(`p`,{class:`muted small`,children:`At least 8 characters. Your other devices are signed out.`}),i&&Q(`p`,{role:`alert`,class:`form-error`,children:i}),o&&Q(`p`,{role:`status`,class:`form-note`,children:`Your password is changed; your other devices are signed out.`}),Q(`button`,{type:`submit`,class:`primary`,disabled:c,children:`Change password`})]})}function lr({username:e}){return Q(`div`,{children:[Q(`div`,{class:`toolbar`,children:Q(`h1`,{children:`Account`})}),e&&Q(`p`,{class:`muted`,children:[`Signed in as `,e,`.`]}),Q(cr,{}),Q(ar,{}),Q(sr,{embedded:!0})]})}function ur(e){let t=e.resumedAt??0;return{sent:Math.max(0,e.loaded-t),of:Math.max(0,e.total-t)}}function dr(e,t,n){if(e.resumedAt===null||e.resumedAt<=0)return`${n} · ${t(e.status===`done`?e.total:e.loaded)} of ${t(e.total)}`;let{sent:r,of:i}=ur(e.status===`done`?{...e,loaded:e.total}:e),a=`resumed at ${t(e.resumedAt)} of ${t(e.total)}`;return e.status===`done`?`${n} · ${t(r)} sent, ${a}`:`${n} · ${t(r)} of the last ${t(i)} · ${a}`}function fr(e){if(e.status===`done`)return 100;let{sent:t,of:n}=ur(e);return n>0?Math.min(100,Math.max(0,Math.round(t/n*100))):0}var pr=class{start;concurrency;onSettled;where;page;entries=[];nextId=1;listeners=new Set;constructor(e,t=3,n=()=>{},r=()=>null,i=typeof window>`u`?null:window){this.start=e,this.concurrency=t,this.onSettled=n,this.where=r,this.page=i}get items(){return this.entries.map(e=>e.item)}subscribe(e){return this.listeners.add(e),()=>this.listeners.delete(e)}add(e,t){for(let n of e)this.entries.push({item:{id:this.nextId++,name:n.name,loaded:0,total:n.size,status:`queued`,message:null,destination:this.where(t),resumedAt:null},file:n,target:t,cancel:null});this.pump()}cancel(e){let t=this.entries.find(t=>t.item.id===e);t&&(t.item.status===`queued`?this.update(t,{status:`cancelled`,message:`Cancelled.`}):t.item.status===`uploading`&&t.cancel?.())}clearFinished(){this.entries=this.entries.filter(e=>e.item.status===`queued`||e.item.status===`uploading`),this.emit()}update(e,t){e.item={...e.item,...t},this.emit()}emit(){let e=this.items;this.guardUnload(this.busy);for(let t of this.listeners)t(e)}get busy(){return this.entries.some(e=>e.item.status===`queued`||e.item.status===`uploading`)}guarding=!1;onBeforeUnload=e=>{e.preventDefault(),e.returnValue=``};guardUnload(e){e!==this.guarding&&this.page!==null&&(this.guarding=e,e?this.page.addEventListener(`beforeunload`,this.onBeforeUnload):this.page.removeEventListener(`beforeunload`,this.onBeforeUnload))}pump(){let e=this.entries.filter(e=>e.item.status===`uploading`).length;for(let t of this.entries){if(e>=this.concurrency)break;t.item.status===`queued`&&(e+=1,this.run(t))}this.emit()}run(e){let t=!1,n=this.start(e.file,e.target,(t,n,r)=>this.update(e,{loaded:n>0?Math.round(e.file.size*t/n):0,...r!==void 0&&{resumedAt:r}}));e.cancel=()=>{t=!0,n.cancel()},e.item={...e.item,status:`uploading`},n.promise.then(t=>t===null?this.update(e,{status:`done`,loaded:e.item.total,message:null}):this.update(e,{status:`failed`,message:t}),n=>this.update(e,t?{status:`cancelled`,message:`Cancelled.`}:{status:`failed`,message:n instanceof Error?n.message:String(n)})).finally(()=>{e.cancel=null,this.onSettled(),this.pump()})}},mr=8388608,hr=`/tus/`,gr=33554432,_r=[0,1e3,3e3,5e3,1e4,2e4,3e4,6e4];function vr(e){return e>mr}function yr(e,{parentId:t,replace:n}){return{filename:e.name,parentId:t,mode:n?`OVERWRITE`:`ADD`,autorename:n?`false`:`true`}}function br(e,t,n){let r=t.replace?`overwrite`:`add`;return[`dropbox-lite-tus`,e.name,e.type,e.size,e.lastModified,n,t.parentId,r].join(`-`)}function xr(e){if(!e)return null;try{let t=JSON.parse(e);return t&&typeof t==`object`?t:null}catch{return null}}var Sr={NAME_TAKEN:`NameTakenError`,INVALID_NAME:`InvalidNameError`,QUOTA_EXCEEDED:`QuotaExceededError`,FILE_TOO_LARGE:`FileTooLargeError`,CONFLICT:`ConflictError`,PERMISSION_DENIED:`PermissionDeniedError`},Cr={401:`You are signed out. Sign in again, then choose the file again to resume.`,403:`You may not change this: the folder is shared with you as a Viewer.`,404:`The folder is gone.`,507:`There is not enough space left in your storage.`},wr=`The upload stopped: the server could not be reached. Choose the file again to resume where it stopped.`;function Tr(e,t){if(e===0)return wr;let n=t?.errors?.[0],r=n?.extensions?.code??``;return n?.message||Sr[r]?J({__typename:Sr[r],message:n?.message}):e===413?J({__typename:`FileTooLargeError`}):Cr[e]??`The upload failed: the server answered ${e}.`}function Er(e,t){return e===0?!0:e===409?t?.correctOffset!=null||t?.errors?.[0]?.extensions?.code===`INCORRECT_OFFSET`:e===423||e===429||e>=500&&e!==507}function Dr(e){let t=e?.originalResponse??null;return t?{status:t.getStatus(),body:xr(t.getBody())}:{status:0,body:null}}function Or(e,t){e===401&&t?.errors?.[0]?.extensions?.code===`UNAUTHENTICATED`&&Le()&&Re(null)}function kr(){return new URL(hr,window.location.href).toString()}async function Ar(e,t,n){if(t.getHeader(`X-Entry-Id`))return null;let r;try{r=await fetch(e,{method:`PATCH`,headers:{"Tus-Resumable":`1.0.0`,"Upload-Offset":String(n),"Content-Type":`application/offset+octet-stream`,...Le()?{Authorization:`Bearer ${Le()}`}:{}}})}catch{return wr}if(r.ok&&r.headers.get(`X-Entry-Id`))return null;let i=xr(await r.text().catch(()=>null));return Or(r.status,i),Tr(r.status,i)}function jr(t,n,r){let i=null,a=!1,o=null;return{promise:new Promise((s,c)=>{o=c,(async()=>{let o=await e(()=>import(`./browser-kC1Gw6nt.js`),__vite__mapDeps([0,1]));if(a)return;let c=!0,l=t.size,u=new o.Upload(t,{endpoint:kr(),chunkSize:gr,retryDelays:_r,metadata:yr(t,n),fingerprint:e=>Promise.resolve(br(e,n,kr())),storeFingerprintForResuming:!0,removeFingerprintOnSuccess:!0,onBeforeRequest:e=>{let t=Le();t&&e.setHeader(`Authorization`,`Bearer ${t}`)},onAfterResponse:(e,t)=>{if(!c||(c=!1,e.getMethod()!==`HEAD`||t.getStatus()!==200))return;let n=Number.parseInt(t.getHeader(`Upload-Offset`)??``,10);Number.isFinite(n)&&n>0&&r(n,l,n)},onShouldRetry:e=>{let{status:t,body:n}=Dr(e);return Er(t,n)},onProgress:(e,t)=>r(e,t),onError:e=>{let{status:t,body:n}=Dr(e);Or(t,n),s(Tr(t,n))},onSuccess:({lastResponse:e})=>{let t=u.url;t===null?s(null):Ar(t,e,l).then(s)}});i=u;let d=await u.findPreviousUploads();if(a)return;let f=d.sort((e,t)=>Date.parse(t.creationTime)-Date.parse(e.creationTime))[0];f&&u.resumeFromPreviousUpload(f),u.start()})().catch(e=>{a||c(e instanceof Error?e:Error(String(e)))})}),cancel:()=>{a=!0,i?.abort(!0).catch(()=>void 0),o?.(new Je)}}}function Mr(e){return(t,n,r)=>vr(t.size)?jr(t,n,r):e(t,n,r)}function Nr(e){return Array.from(e,e=>({file:e,dir:(e.webkitRelativePath||e.name).split(`/`).slice(0,-1).join(`/`)}))}function Pr(e){return new Promise((t,n)=>{let r=[],i=()=>e.readEntries(e=>{e.length===0?t(r):(r.push(...e),i())},n);i()})}async function Fr(e,t,n){if(e.isFile){let r=await new Promise((t,n)=>e.file(t,n));n.push({file:r,dir:t})}else if(e.isDirectory){let r=t?`${t}/${e.name}`:e.name,i=await Pr(e.createReader());i.length===0&&n.push({file:new File([],``),dir:r});for(let e of i)await Fr(e,r,n)}}async function Ir(e){if(!e)return null;let t=Array.from(e).filter(e=>e.kind===`file`).map(e=>e.webkitGetAsEntry?.()??null);if(!t.some(e=>e?.isDirectory))return null;let n=[];for(let e of t)e&&await Fr(e,``,n);return n}function Lr(e){let t=new Set;for(let{dir:n}of e){let e=n?n.split(`/`):[];for(let n=1;n<=e.length;n+=1)t.add(e.slice(0,n).join(`/`))}return[...t].sort((e,t)=>e.split(`/`).length-t.split(`/`).length||e.localeCompare(t))}var Rr=new Intl.Collator(void 0,{numeric:!0,sensitivity:`base`});function zr(e,t){let n=t.descending?-1:1,r=(e,t)=>Rr.compare(e.name,t.name);return[...e].sort((e,i)=>{let a=Number(i.__typename===`Folder`)-Number(e.__typename===`Folder`);if(a!==0)return a;let o=0;return t.key===`size`?o=(e.size??0)-(i.size??0):t.key===`modified`&&(o=Date.parse(e.modifiedAt)-Date.parse(i.modifiedAt)),n*(o||r(e,i))})}function Br(e,t){return e.key===t?{key:t,descending:!e.descending}:{key:t,descending:!1}}async function Vr(e,t,n,r,i){let a=t.length===1,o=[],s=``;for(let i of t){let t={id:i.id,parentId:n,name:a?r:null};try{let n=e===`Move`?(await H(ut,t)).moveEntry:(await H(dt,t)).copyEntry;Rn(n),n.__typename===`File`||n.__typename===`Folder`?s=n.path:o.push(a?J(n):`${i.name}: ${J(n)}`)}catch(e){o.push(a?Y(e):`${i.name}: ${Y(e)}`)}}let c=t.length-o.length;if(c===0)return{message:null,failures:o};let l=a?s:`${i} (${c} item${c===1?``:`s`})`;return{message:e===`Move`?`Moved to ${l}.`:`Copied to ${l}.`,failures:o}}function Hr({kind:e,entries:t,onDone:n,onClose:r}){let i=t[0],a=t.length===1,o=t.map(e=>e.id).join(` `),[s,c]=z(Xt(i.path)),[l,u]=z(i.name),[d,f]=z([]),[p,m]=z(null),[h,g]=z(!1),_=Zt(s);B(()=>{let e=!0,t=window.setTimeout(()=>{H(ht,{path:_}).then(t=>{if(!e)return;let n=t.entry;f(n?.__typename===`Folder`?n.children.edges.map(e=>e.node).filter(e=>e.__typename===`Folder`&&!o.includes(e.id)):[])}).catch(()=>e&&f([]))},150);return()=>{e=!1,window.clearTimeout(t)}},[_,o]);async function v(){g(!0),m(null);try{let i=(await H(ht,{path:_})).entry;if(i?.__typename!==`Folder`){m(`There is no folder ${_}.`);return}let{message:o,failures:s}=await Vr(e,t,i.id,a&&l.trim()||null,_);o&&n(o),s.length===0?r():m(s.join(` `))}catch(e){m(Y(e))}finally{g(!1)}}return Q(er,{title:a?`${e} “${i.name}”`:`${e} ${t.length} items`,onClose:r,children:Q(`form`,{onSubmit:e=>{e.preventDefault(),v()},children:[Q(`label`,{for:`destination`,children:`Destination folder`}),Q(`input`,{id:`destination`,value:s,onInput:e=>c(e.currentTarget.value)}),Q(`div`,{class:`folder-picker`,role:`group`,"aria-label":`Folders in the destination`,children:[_!==`/`&&Q(`button`,{type:`button`,class:`link-button`,onClick:()=>c(Xt(_)),children:[`↑ Up to `,Xt(_)===`/`?`All files`:Xt(_)]}),d.map(e=>Q(`button`,{type:`button`,class:`link-button`,onClick:()=>c(e.path),children:[Q(`span`,{class:`icon icon-folder`,"aria-hidden":`true`}),e.name]},e.id)),d.length===0&&Q(`p`,{class:`muted small`,children:`No folders inside.`})]}),a&&Q(b,{children:[Q(`label`,{for:`entry-name`,children:`Name`}),Q(`input`,{id:`entry-name`,value:l,onInput:e=>u(e.currentTarget.value)})]}),p&&Q(`p`,{role:`alert`,class:`form-error`,children:p}),Q(`div`,{class:`dialog-actions`,children:[Q(`button`,{type:`button`,onClick:r,children:`Cancel`}),Q(`button`,{type:`submit`,class:`primary`,disabled:h,children:e})]})]})})}function Ur({title:e,action:t,initial:n,onSubmit:r,onClose:i}){let[a,o]=z(n),[s,c]=z(null),[l,u]=z(!1);return Q(er,{title:e,onClose:i,children:Q(`form`,{onSubmit:async e=>{e.preventDefault(),u(!0);let t=await r(a);u(!1),t?c(t):i()},children:[Q(`label`,{for:`entry-name`,children:`Name`}),Q(`input`,{id:`entry-name`,required:!0,value:a,autoFocus:!0,onFocus:e=>{let t=e.currentTarget,n=t.value.lastIndexOf(`.`);t.setSelectionRange(0,n>0?n:t.value.length)},onInput:e=>o(e.currentTarget.value)}),s&&Q(`p`,{role:`alert`,class:`form-error`,children:s}),Q(`div`,{class:`dialog-actions`,children:[Q(`button`,{type:`button`,onClick:i,children:`Cancel`}),Q(`button`,{type:`submit`,class:`primary`,disabled:l,children:t})]})]})})}function Wr(e,t){return e.__typename===`NotFoundError`?`There is no user called “${t}”.`:J(e)}function Gr({id:e,label:t,value:n,onChange:r}){return Q(`select`,{id:e,"aria-label":t,value:n,onChange:e=>r(e.currentTarget.value),children:[Q(`option`,{value:`EDITOR`,children:nn.EDITOR}),Q(`option`,{value:`VIEWER`,children:nn.VIEWER})]})}function Kr({folder:e,onClose:t,onChanged:n}){let[r,i]=z(null),[a,o]=z(null),[s,c]=z(null),[l,u]=z(``),[d,f]=z(`EDITOR`),[p,m]=z(null),[h,g]=z(null),[_,v]=z(!1),[y,x]=z(!1),S=V(null),C=V(null),w=V(null);async function T(){try{let t=await H(Dt,{id:e.id}),n=t.entry;if(!n||n.__typename!==`Folder`){g(`This folder is gone: it may have been deleted, or you were removed from it.`),c([]);return}i(t.me?.username??null),o(n.shared??null),c(n.members)}catch(e){g(Y(e))}}B(()=>{T()},[e.id]);let E=s!==null&&(a===null||a.youOwn);B(()=>{E&&S.current?.focus()},[E]);let D=V(!1);B(()=>{y?C.current?.focus():D.current&&w.current?.focus(),D.current=y},[y]);function O(){v(!0),g(null),m(null)}async function k(){let t=l.trim();if(!t)g(`Type the username of the person to add.`),S.current?.focus();else{O();try{let r=(await H(Ot,{folderId:e.id,username:t,role:d})).shareFolder;r.__typename===`Folder`?(c(r.members),u(``),m(`Added ${t} as ${d===`EDITOR`?`an Editor`:`a Viewer`}.`),n(!1),await T()):g(Wr(r,t))}catch(e){g(Y(e))}finally{v(!1),S.current?.focus()}}}async function A(t,r){O();try{let i=(await H(kt,{folderId:e.id,username:t,role:r})).updateMember;i.__typename===`Folder`?(c(i.members),m(`${t} is now ${r===`EDITOR`?`an Editor`:`a Viewer`}.`),n(!1)):(g(Wr(i,t)),await T())}catch(e){g(Y(e)),await T()}finally{v(!1)}}async function ee(t){O();try{await H(At,{folderId:e.id,username:t}),m(`Removed ${t}: the folder is gone from their files.`),n(!1),await T()}catch(e){g(Y(e))}finally{v(!1),S.current?.focus()}}async function te(){O();try{await H(jt,{folderId:e.id}),n(!0),t()}catch(e){g(Y(e)),v(!1)}}return Q(er,{title:`Share “${e.name}” with people`,onClose:t,wide:!0,children:[s===null&&!h&&Q(`p`,{class:`muted`,children:`Loading…`}),E&&Q(`form`,{class:`member-form`,onSubmit:e=>{e.preventDefault(),k()},children:[Q(`div`,{class:`member-add`,children:[Q(`div`,{children:[Q(`label`,{for:`member-username`,children:`Username`}),Q(`input`,{id:`member-username`,ref:S,autocomplete:`off`,autocapitalize:`none`,spellcheck:!1,value:l,"aria-describedby":`member-roles`,onInput:e=>u(e.currentTarget.value)})]}),Q(`div`,{children:[Q(`label`,{for:`member-role`,children:`Role`}),Q(Gr,{id:`member-role`,value:d,onChange:f})]}),Q(`button`,{type:`submit`,class:`primary`,disabled:_,children:`Add`})]}),Q(`p`,{id:`member-roles`,class:`muted small`,children:`Editors can add, change and delete files in the folder; viewers can open and download them. The folder appears in their files; its files count against your storage.`})]}),!E&&a&&Q(`p`,{children:dn(a)}),p&&Q(`p`,{role:`status`,class:`form-note`,children:p}),h&&Q(`p`,{role:`alert`,class:`form-error`,children:h}),s!==null&&Q(b,{children:[Q(`h3`,{children:`Who has access`}),s.length===0?Q(`p`,{class:`muted`,children:`Only you. Add someone by their username to share this folder.`}):Q(`ul`,{class:`member-list`,"aria-label":`Members`,children:s.map(e=>{let t=e.user.username;return Q(`li`,{"data-member":t,children:[Q(`span`,{class:`member-name`,children:[t,t===r&&Q(`span`,{class:`muted`,children:` (you)`})]}),e.isOwner?Q(`span`,{class:`badge`,children:`Owner`}):E?Q(`span`,{class:`member-actions`,children:[Q(Gr,{id:`member-role-${t}`,label:`Role of ${t}`,value:e.role,onChange:e=>void A(t,e)}),Q(`button`,{type:`button`,class:`link-button danger-text`,title:`Remove ${t}`,disabled:_,onClick:()=>void ee(t),children:`Remove`})]}):Q(`span`,{class:`muted`,children:nn[e.role]})]},t)})})]}),!E&&a&&y&&Q(`div`,{class:`leave-confirm`,role:`group`,"aria-label":`Leave the folder`,children:Q(`p`,{children:[`“`,e.name,`” goes from your files; nothing of `,a.ownerUsername,`'s is deleted. You get it back only if `,a.ownerUsername,` adds you again.`]})}),Q(`div`,{class:`dialog-actions`,children:[!E&&a&&!y&&Q(`button`,{type:`button`,ref:w,class:`danger-text leave-button`,onClick:()=>x(!0),children:`Leave folder`}),!E&&a&&y&&Q(b,{children:[Q(`button`,{type:`button`,ref:C,onClick:()=>x(!1),children:`Stay`}),Q(`button`,{type:`button`,class:`danger`,disabled:_,onClick:()=>void te(),children:`Leave folder`})]}),Q(`button`,{type:`button`,onClick:t,children:`Close`})]})]})}function qr({name:e,actions:t}){let[n,r]=z(!1),i=Se(),a=V(null);return B(()=>{if(!n)return;a.current?.querySelector(`.row-actions`)?.scrollIntoView?.({block:`nearest`});let e=e=>{a.current?.contains(e.target)||r(!1)},t=e=>{e.key===`Escape`&&(r(!1),a.current?.querySelector(`.row-menu-button`)?.focus())};return document.addEventListener(`pointerdown`,e),document.addEventListener(`keydown`,t),()=>{document.removeEventListener(`pointerdown`,e),document.removeEventListener(`keydown`,t)}},[n]),Q(`div`,{class:n?`row-actions-wrap open`:`row-actions-wrap`,ref:a,children:[Q(`button`,{type:`button`,class:`row-menu-button`,"aria-expanded":n,"aria-controls":i,"aria-label":`Actions for ${e}`,onClick:()=>r(!n),children:Q(`span`,{class:`i i-more`,"aria-hidden":`true`})}),Q(`div`,{class:`row-actions`,role:`group`,"aria-label":`Actions for ${e}`,id:i,children:t.map(t=>Q(`button`,{type:`button`,class:t.danger?`danger-text`:void 0,title:t.title??`${t.label} ${e}`,disabled:t.disabled,onClick:()=>{r(!1),t.onClick()},children:[Q(`span`,{class:`i i-${t.icon}`,"aria-hidden":`true`}),Q(`span`,{class:`row-action-label`,children:t.label})]},t.label))})]})}function Jr(e){if(!e)return null;let t=new Date(`${e}T23:59:59`);return Number.isNaN(t.getTime())?null:t.toISOString()}var Yr={VIEWER:`view only`,EDITOR:`view and upload`,UPLOAD_ONLY:`upload only`};function Xr(e){let t=[Yr[e.access]];return e.hasPassword&&t.push(`password`),t.push(e.expiresAt?`expires ${K(e.expiresAt)}`:`no expiry`),e.access!==`UPLOAD_ONLY`&&t.push(`${e.downloadCount} download${e.downloadCount===1?``:`s`}`),t.join(` · `)}var Zr=[{access:`VIEWER`,label:`View only`,hint:`Visitors see and download what is in the folder.`},{access:`EDITOR`,label:`View and upload`,hint:`Visitors also add files to it.`},{access:`UPLOAD_ONLY`,label:`Upload only`,hint:`Visitors add files and see nothing of what is in the folder (a file request).`}];function Qr({link:e,onRevoke:t,onCopied:n}){let r=new Date(e.createdAt).toLocaleString(),i=`link-${e.id}`,a=e.url?pn(e.url,null,window.location.origin):null;return Q(`li`,{class:`link-item`,children:[Q(`span`,{class:`small`,children:[`Created `,K(e.createdAt),` · `,Xr(e)]}),a?Q(`div`,{class:`inline-field`,children:[Q(`label`,{for:i,class:`visually-hidden`,children:[`Link created `,r]}),Q(`input`,{id:i,class:`mono`,readOnly:!0,value:a,onFocus:e=>e.currentTarget.select()}),Q(`button`,{type:`button`,"aria-label":`Copy link created ${r}`,onClick:async()=>{n(await Qn(document.getElementById(i),a)?`Link copied.`:`Select the link and copy it.`)},children:`Copy`}),Q(`button`,{type:`button`,class:`danger-text`,"aria-label":`Revoke link created ${r}`,onClick:t,children:`Revoke`})]}):Q(`div`,{class:`inline-field`,children:[Q(`p`,{class:`muted small link-hidden`,children:`This link cannot be shown again (it was made before links could be). It still opens for whoever has it: revoke it and make a new one to get an address you can copy.`}),Q(`button`,{type:`button`,class:`danger-text`,"aria-label":`Revoke link created ${r}`,onClick:t,children:`Revoke`})]})]})}function $r({entry:e,onClose:t}){let n=e.__typename===`Folder`,[r,i]=z(null),[a,o]=z(``),[s,c]=z(``),[l,u]=z(`VIEWER`),[d,f]=z(null),[p,m]=z(null),[h,g]=z(null),[_,v]=z(!1),y=new Date().toISOString().slice(0,10);async function x(){try{let t=(await H(yt,{entryId:e.id})).shareLinks;i(t);let n=yn(e.id)??e;n.hasLink!==t.length>0&&Cn([{...n,hasLink:t.length>0}])}catch(e){g(Y(e))}}B(()=>{x()},[e.id]);async function S(){v(!0),g(null),m(null);try{let t=(await H(bt,{entryId:e.id,access:n?l:`VIEWER`,expiresAt:Jr(a),password:s||null})).createShareLink;t.__typename===`ShareLinkCreated`?(f({id:t.link.id,url:pn(t.url,t.token,window.location.origin)}),c(``),await x()):g(J(t))}catch(e){g(Y(e))}finally{v(!1)}}async function C(e){g(null);try{await H(xt,{id:e}),d?.id===e&&f(null),m(`The link was revoked: it no longer opens.`),await x()}catch(e){g(Y(e))}}return Q(er,{title:`Share “${e.name}”`,onClose:t,wide:!0,children:[d?Q(`div`,{class:`share-created`,children:[Q(`label`,{for:`share-link`,children:`Link`}),Q(`div`,{class:`inline-field`,children:[Q(`input`,{id:`share-link`,readOnly:!0,value:d.url,onFocus:e=>e.currentTarget.select()}),Q(`button`,{type:`button`,class:`primary`,onClick:async()=>{let e=await Qn(document.getElementById(`share-link`),d.url);m(e?`Link copied.`:`Select the link and copy it.`)},children:`Copy`}),Q(`button`,{type:`button`,class:`danger`,onClick:()=>void C(d.id),children:`Revoke`})]}),Q(`p`,{class:`muted small`,children:`Anyone with this link can open it. It stays listed below, to copy again, while it lives.`}),Q(`button`,{type:`button`,class:`link-button`,onClick:()=>f(null),children:`Make another link`})]}):Q(`form`,{class:`share-form`,onSubmit:e=>{e.preventDefault(),S()},children:[n&&Q(`fieldset`,{class:`access-choice`,children:[Q(`legend`,{children:`Visitors can`}),Zr.map(e=>Q(`label`,{class:`radio`,children:[Q(`input`,{type:`radio`,name:`share-access`,value:e.access,checked:l===e.access,onChange:()=>u(e.access)}),Q(`span`,{children:[e.label,Q(`span`,{class:`muted small`,children:[` · `,e.hint]})]})]},e.access))]}),Q(`div`,{class:`field-row`,children:[Q(`div`,{children:[Q(`label`,{for:`share-expires`,children:`Expires (optional)`}),Q(`input`,{id:`share-expires`,type:`date`,min:y,value:a,onInput:e=>o(e.currentTarget.value)})]}),Q(`div`,{children:[Q(`label`,{for:`share-password`,children:`Link password (optional)`}),Q(`input`,{id:`share-password`,type:`password`,autocomplete:`new-password`,minLength:8,value:s,onInput:e=>c(e.currentTarget.value)})]})]}),Q(`button`,{type:`submit`,class:`primary`,disabled:_,children:`Create link`})]}),p&&Q(`p`,{role:`status`,class:`form-note`,children:p}),h&&Q(`p`,{role:`alert`,class:`form-error`,children:h}),Q(`h3`,{children:[`Links to this `,n?`folder`:`file`]}),r===null?Q(`p`,{class:`muted`,children:`Loading…`}):r.length===0?Q(`p`,{class:`muted`,children:`No links yet.`}):Q(b,{children:[Q(`p`,{class:`muted small`,children:`Anyone with a link can open it: copy it again here while it lives.`}),Q(`ul`,{class:`link-list`,children:r.map(e=>Q(Qr,{link:e,onRevoke:()=>void C(e.id),onCopied:m},e.id))})]}),Q(`div`,{class:`dialog-actions`,children:Q(`button`,{type:`button`,onClick:t,children:`Close`})})]})}function ei({entry:e,readOnly:t=!1,onChanged:n,onClose:r}){let[i,a]=z(null),[o,s]=z(null),[c,l]=z(null),[u,d]=z(null);async function f(){try{let t=(await H(_t,{id:e.id})).entry;t&&`revisions`in t?(a(t.rev),s(t.revisions)):s([])}catch(e){l(Y(e))}}B(()=>{f()},[e.id]);async function p(t){l(null);try{let r=(await H(vt,{fileId:e.id,rev:t})).restoreRevision;r.__typename===`File`?(d(`Revision ${t} is the current version again (now revision ${r.rev}).`),n(),await f()):l(J(r))}catch(e){l(Y(e))}}return Q(er,{title:`Versions of “${e.name}”`,onClose:r,wide:!0,children:[o===null?Q(`p`,{class:`muted`,children:`Loading…`}):Q(`table`,{class:`entries`,children:[Q(`caption`,{class:`visually-hidden`,children:`Versions`}),Q(`thead`,{children:Q(`tr`,{children:[Q(`th`,{scope:`col`,children:`Version`}),Q(`th`,{scope:`col`,class:`num`,children:`Size`}),Q(`th`,{scope:`col`,children:`Saved`}),Q(`th`,{scope:`col`,children:Q(`span`,{class:`visually-hidden`,children:`Actions`})})]})}),Q(`tbody`,{children:o.map(e=>Q(`tr`,{children:[Q(`th`,{scope:`row`,children:[`Revision `,e.rev,e.rev===i&&` `,e.rev===i&&Q(`span`,{class:`badge`,children:`current`})]}),Q(`td`,{class:`num muted`,children:G(e.size)}),Q(`td`,{class:`muted`,children:K(e.createdAt)}),Q(`td`,{class:`actions`,children:[Q(`a`,{class:`button-link`,href:e.downloadUrl,download:!0,children:`Download`}),e.rev!==i&&!t&&Q(`button`,{type:`button`,onClick:()=>void p(e.rev),children:`Restore`})]})]},e.rev))})]}),u&&Q(`p`,{role:`status`,class:`form-note`,children:u}),c&&Q(`p`,{role:`alert`,class:`form-error`,children:c}),Q(`div`,{class:`dialog-actions`,children:Q(`button`,{type:`button`,onClick:r,children:`Close`})})]})}var ti=`dropbox-lite:changed`;function ni(){Dn(),window.dispatchEvent(new Event(ti))}function ri(){Ln(),window.dispatchEvent(new Event(ti))}async function ii(e){if(e.__typename===`Folder`){let t=(await H(Rt,{id:e.id})).entry;return t&&`zipUrl`in t?t.zipUrl:null}let t=(await H(gt,{id:e.id})).entry;return t&&`downloadUrl`in t?t.downloadUrl:null}async function ai(e){try{let t=await ii(e);if(t===null){$(`“${e.name}” is gone.`,`error`);return}let n=document.createElement(`a`);n.href=t,n.download=e.__typename===`Folder`?`${e.name}.zip`:e.name,n.rel=`noopener`,document.body.append(n),n.click(),n.remove()}catch(e){$(Y(e),`error`)}}function oi(e){let t=Jt(window.location.pathname);(t===e||t.startsWith(`${e}/`))&&en(`/`,!0),ni()}async function si(e,t){let n=[],r=[];for(let t of e)try{let e=(await H(ft,{id:t.id})).deleteEntry;Rn(e),e.__typename===`File`||e.__typename===`Folder`?n.push(t):r.push(`${t.name}: ${J(e)}`)}catch(e){r.push(`${t.name}: ${Y(e)}`)}n.length>0&&t(),r.length>0?$(r.join(` `),`error`):$(`Moved ${n.length===1?`“${n[0].name}”`:`${n.length} items`} to the trash.`,`info`,{label:`Undo`,run:()=>{(async()=>{for(let e of n)try{Rn((await H(pt,{id:e.id})).restoreEntry)}catch(e){$(Y(e),`error`)}t()})()}})}function ci(){let[e,t]=z(null),n=()=>t(null),r=ri,i=e=>si([e],r);async function a(e){try{await H(jt,{folderId:e.id}),$(`You left “${e.name}”.`),oi(e.path)}catch(e){$(Y(e),`error`)}}let o=e=>{let n=e.__typename===`File`,r=!on(e),a=an(e),o=[];return o.push({label:`Download`,icon:n?`download`:`zip`,title:n?void 0:`Download ${e.name} as a zip`,onClick:()=>void ai(e)}),cn(e)&&o.push({label:`People`,icon:`people`,title:`Share “${e.name}” with people`,onClick:()=>t({kind:`People`,entry:e})}),o.push({label:`Share`,icon:`link`,disabled:e.shared?.yourRole===`VIEWER`||a,onClick:()=>t({kind:`Share`,entry:e})},{label:`Rename`,icon:`rename`,disabled:r,onClick:()=>t({kind:`Rename`,entry:e})},{label:`Move`,icon:`move`,disabled:r,onClick:()=>t({kind:`Move`,entry:e})},{label:`Copy`,icon:`copy`,onClick:()=>t({kind:`Copy`,entry:e})}),n&&o.push({label:`Versions`,icon:`versions`,onClick:()=>t({kind:`Versions`,entry:e})}),o.push(a?{label:`Leave`,icon:`leave`,danger:!0,title:`Leave ${e.name}`,onClick:()=>t({kind:`Leave`,entry:e})}:{label:`Delete`,icon:`delete`,danger:!0,disabled:r,onClick:()=>void i(e)}),Q(qr,{name:e.name,actions:o})},s=null;if(e?.kind===`Rename`){let t=e.entry;s=Q(Ur,{title:`Rename “${t.name}”`,action:`Rename`,initial:t.name,onClose:n,onSubmit:async e=>{try{let n=(await H(lt,{id:t.id,name:e.trim()})).renameEntry;return n.__typename===`File`||n.__typename===`Folder`?(Rn(n),$(`Renamed to “${n.name}”.`),r(),null):J(n)}catch(e){return Y(e)}}})}else if(e?.kind===`Move`||e?.kind===`Copy`)s=Q(Hr,{kind:e.kind,entries:[e.entry],onClose:n,onDone:e=>{$(e),r()}});else if(e?.kind===`Share`)s=Q($r,{entry:e.entry,onClose:n});else if(e?.kind===`Versions`)s=Q(ei,{entry:e.entry,readOnly:!on(e.entry),onClose:n,onChanged:ni});else if(e?.kind===`People`){let t=e.entry;s=Q(Kr,{folder:t,onClose:n,onChanged:e=>{e?($(`You left “${t.name}”.`),oi(t.path)):ni()}})}else if(e?.kind===`Leave`){let t=e.entry,r=t.shared?.ownerUsername??`its owner`;s=Q(tr,{title:`Leave “${t.name}”?`,action:`Leave folder`,onClose:n,onConfirm:()=>a(t),children:Q(`p`,{children:[`The folder goes from your files; nothing of `,r,`'s is deleted. You get it back only if `,r,` adds you again.`]})})}return{buttons:o,dialog:s,act:(e,n)=>t({kind:e,entry:n}),changed:r}}var li=`application/x-dropbox-lite-entries`;function ui(e){return!!e.dataTransfer&&Array.from(e.dataTransfer.types).includes(`application/x-dropbox-lite-entries`)}function di(e){try{let t=new URL(e,window.location.href);return`${t.pathname}${t.search}`}catch{return e}}function fi({folder:e,thumbnail:t}){return t?Q(`img`,{class:`thumb`,src:di(t),alt:``,width:28,height:28,loading:`lazy`,decoding:`async`}):Q(`span`,{class:e?`icon icon-folder`:`icon icon-file`,"aria-hidden":`true`})}function pi({label:e,sortKey:t,sort:n,onSort:r,class:i}){let a=n?.key===t;return Q(`th`,{scope:`col`,class:i,"aria-sort":n?a?n.descending?`descending`:`ascending`:`none`:void 0,children:r?Q(`button`,{type:`button`,class:`sort-button`,onClick:()=>r(t),children:[e,Q(`span`,{class:`sort-mark`,"aria-hidden":`true`,children:a?n?.descending?`▼`:`▲`:``})]}):e})}function mi(e){let{caption:t,entries:n,showPath:r,showDeleted:i,actions:a,empty:o,onOpen:s,selection:c,sort:l,onSort:u,onDropInto:d}=e,[f,p]=z(null);if(n.length===0)return Q(`div`,{class:`empty`,children:o});let m=c&&n.every(e=>c.selected.has(e.id));return Q(`table`,{class:c?`entries selectable`:`entries`,children:[Q(`caption`,{class:`visually-hidden`,children:t}),Q(`thead`,{children:Q(`tr`,{children:[c&&Q(`td`,{class:`select`,children:Q(`input`,{type:`checkbox`,"aria-label":`Select all`,checked:m,onChange:()=>c.toggleAll()})}),Q(pi,{label:`Name`,sortKey:`name`,sort:l,onSort:u}),r&&Q(`th`,{scope:`col`,class:`col-path`,children:`Folder`}),Q(pi,{label:`Size`,sortKey:`size`,sort:l,onSort:u,class:`num col-size`}),i?Q(`th`,{scope:`col`,class:`col-modified`,children:`Deleted`}):Q(pi,{label:`Modified`,sortKey:`modified`,sort:l,onSort:u,class:`col-modified`}),Q(`th`,{scope:`col`,class:`col-actions`,children:Q(`span`,{class:`visually-hidden`,children:`Actions`})})]})}),Q(`tbody`,{children:n.map(e=>{let t=e.__typename===`Folder`,n=c?.selected.has(e.id)??!1,o=i?e.trashedAt??e.modifiedAt:e.modifiedAt,l=!!d&&!e.trashed&&on(e),u=!!d&&t&&!e.trashed,m=[n&&`selected`,f===e.id&&`drop-target`].filter(Boolean).join(` `);return Q(`tr`,{"data-entry":e.name,class:m||void 0,draggable:l,onDragStart:l?t=>{let r=n&&c?[...c.selected]:[e.id];t.dataTransfer?.setData(li,JSON.stringify(r)),t.dataTransfer&&(t.dataTransfer.effectAllowed=`move`)}:void 0,onDragOver:u?t=>{ui(t)&&(t.preventDefault(),t.stopPropagation(),t.dataTransfer&&(t.dataTransfer.dropEffect=`move`),f!==e.id&&p(e.id))}:void 0,onDragLeave:u?e=>{let t=e.relatedTarget;t&&e.currentTarget.contains(t)||p(null)}:void 0,onDrop:u?t=>{if(!ui(t))return;t.preventDefault(),t.stopPropagation(),p(null);let n=[];try{n=JSON.parse(t.dataTransfer?.getData(`application/x-dropbox-lite-entries`)??`[]`)}catch{return}let r=n.filter(t=>t!==e.id);r.length>0&&d?.(e,r)}:void 0,children:[c&&Q(`td`,{class:`select`,children:Q(`input`,{type:`checkbox`,"aria-label":`Select ${e.name}`,checked:n,onClick:t=>{t.preventDefault(),c.toggle(e,t.shiftKey)}})}),Q(`th`,{scope:`row`,class:`name`,children:Q(`span`,{class:`name-line`,children:[Q(fi,{folder:t,thumbnail:e.__typename===`File`&&!e.trashed?e.thumbnailUrl:null}),t&&!e.trashed?Q(`a`,{href:Kt(e.path),onClick:q,children:e.name}):s&&!e.trashed?Q(`a`,{href:Kt(e.path),class:`file-link`,onClick:t=>{t.ctrlKey||t.metaKey||t.shiftKey||(t.preventDefault(),s(e))},children:e.name}):Q(`span`,{children:e.name}),e.hasLink&&!e.trashed&&Q(`span`,{class:`i i-link badge-link`,role:`img`,"aria-label":`Has a share link`,title:`Has a share link`}),e.shared&&rn(e)&&Q(b,{children:[` `,Q(`span`,{class:`badge badge-shared`,title:ln(e.shared),children:`Shared`})]})]})}),r&&Q(`td`,{class:`muted col-path`,children:Xt(e.path)}),Q(`td`,{class:`num muted col-size`,children:e.__typename===`File`?G(e.size):`—`}),Q(`td`,{class:`muted col-modified`,children:Q(`time`,{dateTime:o,children:K(o)})}),Q(`td`,{class:`actions`,children:a(e)})]},e.id)})})]})}var hi=1048576,gi=new Set(`txt md markdown csv tsv log json yaml yml toml ini cfg conf xml html htm css js mjs cjs ts tsx jsx py rb go rs java kt c h cc cpp hpp cs php sh bash zsh sql graphql gql svg tex rst env gitignore dockerfile makefile`.split(` `)),_i=new Set([`image/png`,`image/jpeg`,`image/gif`,`image/webp`,`image/avif`,`image/bmp`]);function vi(e){let t=e.lastIndexOf(`.`);return t<0?e.toLowerCase():e.slice(t+1).toLowerCase()}function yi(e,t){let n=(t??``).toLowerCase().split(`;`)[0].trim();if(_i.has(n))return`image`;if(n===`application/pdf`)return`pdf`;if(n.startsWith(`audio/`))return`audio`;if(n.startsWith(`video/`))return`video`;if(n.startsWith(`text/`)||n===`application/json`||n===`image/svg+xml`)return`text`;let r=vi(e);return[`png`,`jpg`,`jpeg`,`gif`,`webp`,`avif`,`bmp`].includes(r)?`image`:r===`pdf`?`pdf`:[`mp3`,`ogg`,`oga`,`wav`,`flac`,`m4a`,`opus`].includes(r)?`audio`:[`mp4`,`webm`,`ogv`,`mov`,`m4v`].includes(r)?`video`:gi.has(r)?`text`:`none`}function bi(e,t){return new TextDecoder(`utf-8`,{fatal:!1}).decode(e,{stream:t})}function xi({files:e,index:t,onIndex:n,onClose:r}){let i=e[t],a=yi(i.name,i.__typename===`File`?i.mimeType:null),[o,s]=z(null);B(()=>{let e=new AbortController;return s(null),(async()=>{let t=(await qe(gt,{id:i.id},e.signal)).entry;if(!t||!(`downloadUrl`in t))throw Error(`“${i.name}” is gone.`);let n=t.downloadUrl;if(a!==`text`)return{url:n};let r=await fetch(n,{headers:{Range:`bytes=0-${hi-1}`},signal:e.signal});if(!r.ok)throw Error(`The server answered ${r.status}.`);let o=new Uint8Array(await r.arrayBuffer()).slice(0,hi),s=(i.__typename===`File`?i.size:o.length)>o.length;return{url:n,text:bi(o,s),truncated:s}})().then(e=>s(e)).catch(t=>{e.signal.aborted||s({error:Y(t)})}),()=>e.abort()},[i.id,i.name,i,a]),B(()=>{let r=r=>{if(!r.target?.closest(`audio, video`)){if(r.key===`ArrowRight`&&t<e.length-1)n(t+1);else if(r.key===`ArrowLeft`&&t>0)n(t-1);else return;r.preventDefault()}};return document.addEventListener(`keydown`,r),()=>document.removeEventListener(`keydown`,r)},[t,e.length,n]);let c;return c=o===null?Q(`p`,{class:`muted`,children:`Loading…`}):`error`in o?Q(`p`,{role:`alert`,class:`form-error`,children:o.error}):a===`image`?Q(`img`,{class:`preview-media`,src:o.url,alt:i.name}):a===`pdf`?Q(`iframe`,{class:`preview-frame`,src:`${o.url}&inline=1`,title:i.name}):a===`audio`?Q(`audio`,{class:`preview-media`,src:o.url,controls:!0,"aria-label":i.name}):a===`video`?Q(`video`,{class:`preview-media`,src:o.url,controls:!0,"aria-label":i.name}):a===`text`?Q(b,{children:[Q(`pre`,{class:`preview-text`,tabIndex:0,"aria-label":`Text of ${i.name}`,children:o.text}),o.truncated&&Q(`p`,{class:`muted small`,children:`The first 1 MiB is shown: download the file for the rest.`})]}):Q(`p`,{class:`muted`,children:`No preview for this kind of file. Download it to open it.`}),Q(er,{title:i.name,onClose:r,wide:!0,children:[Q(`div`,{class:`preview`,children:c},i.id),Q(`div`,{class:`dialog-actions preview-actions`,children:[Q(`span`,{class:`muted small preview-count`,children:[e.length>1&&`${t+1} of ${e.length} · `,i.__typename===`File`&&G(i.size)]}),Q(`button`,{type:`button`,"aria-label":`Previous file`,disabled:t===0,onClick:()=>n(t-1),children:`‹`}),Q(`button`,{type:`button`,"aria-label":`Next file`,disabled:t>=e.length-1,onClick:()=>n(t+1),children:`›`}),Q(`button`,{type:`button`,onClick:()=>void ai(i),children:`Download`}),Q(`button`,{type:`button`,class:`primary`,onClick:r,children:`Close`})]})]})}function Si({shared:e}){let[t,n]=z(null),[r,i]=z(!1),[a,o]=z(0);return B(()=>{let t=!0;return H(Dt,{id:e.folderId}).then(e=>{let r=e.entry;t&&r?.__typename===`Folder`&&n({id:r.id,name:r.name,path:r.path,members:r.members,me:e.me?.username??null})}).catch(()=>t&&n(null)),()=>{t=!1}},[e.folderId,a]),B(()=>{let e=()=>o(e=>e+1);return window.addEventListener(ti,e),()=>window.removeEventListener(ti,e)},[]),Q(`section`,{class:`shared-bar`,"aria-label":`Sharing`,children:[Q(`div`,{children:[Q(`p`,{children:[Q(`span`,{class:`badge badge-shared`,children:`Shared`}),` `,ln(e),t&&Q(b,{children:[` with `,un(t.members,t.me)]})]}),Q(`p`,{id:`shared-role`,class:`muted small`,children:dn(e)})]}),t&&Q(`button`,{type:`button`,onClick:()=>i(!0),title:`Share “${t.name}” with people`,children:`People`}),r&&t&&Q(Kr,{folder:t,onClose:()=>i(!1),onChanged:e=>{e?($(`You left “${t.name}”.`),oi(t.path)):ni()}})]})}var Ci={queued:`Waiting`,uploading:`Uploading`,done:`Uploaded`,failed:`Failed`,cancelled:`Cancelled`};function wi(e){let t=t=>e.filter(e=>e.status===t).length,n=t(`done`),r=[`${n} upload${n===1?``:`s`} done`],i=t(`cancelled`);return i>0&&r.push(`${i} cancelled`),r.join(`, `)}function Ti({items:e,queue:t}){let n=e.every(e=>e.status!==`queued`&&e.status!==`uploading`),r=e.some(e=>e.status===`failed`),i=e.length>0&&n&&!r,[a,o]=z(!i);return B(()=>o(!i),[i]),e.length===0?null:Q(`section`,{class:`uploads`,"aria-label":`Uploads`,children:[Q(`div`,{class:`uploads-head`,children:[Q(`h2`,{children:`Uploads`}),!a&&Q(`span`,{class:`muted small uploads-summary`,children:wi(e)}),Q(`span`,{class:`uploads-buttons`,children:[n&&Q(`button`,{type:`button`,class:`link-button`,"aria-expanded":a,"aria-controls":`upload-list`,onClick:()=>o(!a),children:a?`Hide`:`Show`}),n&&Q(`button`,{type:`button`,class:`link-button`,onClick:()=>t.clearFinished(),children:`Clear`})]})]}),Q(`ul`,{id:`upload-list`,hidden:!a,children:e.map(e=>{let n=fr(e);return Q(`li`,{class:`upload upload-${e.status}`,children:[Q(`div`,{class:`upload-line`,children:[Q(`span`,{class:`upload-name`,children:e.name}),Q(`span`,{class:`muted small`,children:e.status===`failed`||e.status===`cancelled`?e.message:dr(e,G,Ci[e.status])}),(e.status===`queued`||e.status===`uploading`)&&Q(`button`,{type:`button`,class:`link-button`,"aria-label":`Cancel upload of ${e.name}`,onClick:()=>t.cancel(e.id),children:`Cancel`})]}),e.destination&&Q(`div`,{class:`muted small upload-where`,children:[`to `,e.destination]}),Q(`progress`,{max:100,value:n,"aria-label":`Upload of ${e.name}`,children:[n,`%`]})]},e.id)})})]})}var Ei=`dropbox-lite:first-listing`,Di=new pr(Mr((e,{parentId:t,replace:n},r)=>{let i=Xe(wt,n?{parentId:t,mode:`OVERWRITE`,autorename:!1}:{parentId:t,autorename:!0},e,r);return{cancel:i.cancel,promise:i.promise.then(e=>e.uploadFile.__typename===`File`?null:J(e.uploadFile))}}),3,ni,({path:e})=>e===`/`?`All files`:e);function Oi({path:e,onDropInto:t}){let n=Yt(e),[r,i]=z(null);return Q(`nav`,{"aria-label":`Breadcrumb`,class:`breadcrumb`,children:Q(`ol`,{children:n.map((e,a)=>Q(`li`,{children:a===n.length-1?Q(`span`,{"aria-current":`page`,children:e.name}):Q(`a`,{href:Kt(e.path),onClick:q,class:r===e.path?`drop-target`:void 0,onDragOver:n=>{t&&n.dataTransfer&&Array.from(n.dataTransfer.types).includes(`application/x-dropbox-lite-entries`)&&(n.preventDefault(),n.dataTransfer.dropEffect=`move`,i(e.path))},onDragLeave:()=>i(null),onDrop:n=>{if(t&&n.dataTransfer?.types.includes(`application/x-dropbox-lite-entries`)){n.preventDefault(),i(null);try{t(e.path,JSON.parse(n.dataTransfer.getData(li)))}catch{}}},children:e.name})},e.path))})})}async function ki(e,t){let n=new Set(t.entries.map(e=>e.name.toLowerCase())),r=[];for(let i of e)(n.has(i.name.toLowerCase())||t.hasNextPage&&(await H(Mt,{path:t.path===`/`?`/${i.name}`:`${t.path}/${i.name}`})).entry?.__typename===`File`)&&r.push(i.name);return r}async function Ai(e,t){let n=new Map([[``,e.folderId]]);for(let r of Lr(t)){let t=r.lastIndexOf(`/`),i=(await H(ct,{parentId:n.get(t<0?``:r.slice(0,t))??e.folderId,name:r.slice(t+1)})).createFolder;if(i.__typename===`Folder`){n.set(r,i.id);continue}let a=(await H(Mt,{path:e.path===`/`?`/${r}`:`${e.path}/${r}`})).entry;if(a?.__typename!==`Folder`)throw Error(`${r}: ${J(i)}`);n.set(r,a.id)}return n}var ji=[[`/`,`Search`],[`Enter`,`Open the selected item`],[`F2`,`Rename the selected item`],[`Delete`,`Move the selected items to the trash`],[`Escape`,`Clear the selection`],[`← →`,`Previous and next file in a preview`],[`?`,`This list`]];function Mi(e){return!!e?.closest?.(`input, textarea, select, [contenteditable=true], dialog`)}function Ni({path:e}){let[t,n]=z(!1),[r,i]=z(!1),[a,o]=z([]),[s,c]=z({key:`name`,descending:!1}),[l,u]=z(new Set),[d,f]=z(null),[p,m]=z(null),[h,g]=z(null),[_,v]=z(!1),y=V(null),x=V(null),S=V(null),[C,w]=Nn(e),T=An(C,w),E=yn(T.folderId),D=T.loaded&&!T.missing&&T.folderId?{path:e,folderId:T.folderId,shared:E?.shared??null,entries:bn(T),totalCount:T.totalCount,hasNextPage:T.hasNextPage}:null,O=T.loaded&&T.missing,k=T.error;B(()=>(o(Di.items),Di.subscribe(o)),[]),B(()=>{u(new Set),f(null)},[e]),B(()=>{T.loaded&&performance.getEntriesByName(`dropbox-lite:first-listing`).length===0&&performance.mark(Ei)},[T.loaded]);let{buttons:A,dialog:ee,act:te,changed:ne}=ci();async function j(e){if(e.length===0||!D)return;let t=D.folderId,n=[];try{n=await ki(e,D)}catch{}n.length>0?m({files:e,parentId:t,path:D.path,taken:n}):Di.add(e,{parentId:t,path:D.path,replace:!1})}async function re(e){if(D&&e.length!==0)try{let t=await Ai(D,e),n=new Map;for(let{file:r,dir:i}of e){if(!r.name)continue;let e=t.get(i)??D.folderId,a=!t.has(i)||!i?D.path:D.path===`/`?`/${i}`:`${D.path}/${i}`,o=n.get(e)??{path:a,files:[]};o.files.push(r),n.set(e,o)}for(let[e,t]of n)Di.add(t.files,{parentId:e,path:t.path,replace:!1});ni()}catch(e){$(e instanceof Error&&!(e instanceof We)?e.message:Y(e),`error`)}}let M=D?zr(D.entries,s):[],N=M.filter(e=>l.has(e.id)),ie=M.filter(e=>e.__typename===`File`);function P(e,t){let n=new Set(l);if(t&&S.current){let t=M.findIndex(e=>e.id===S.current),r=M.findIndex(t=>t.id===e.id);if(t>=0&&r>=0){for(let e of M.slice(Math.min(t,r),Math.max(t,r)+1))n.add(e.id);u(n);return}}n.has(e.id)?n.delete(e.id):n.add(e.id),S.current=e.id,u(n)}async function ae(e,t,n){let r=n.map(e=>M.find(t=>t.id===e)).filter(e=>!!e);if(r.length===0)return;let{message:i,failures:a}=await Vr(`Move`,r,e,null,t);i&&($(i),u(new Set),ne()),a.length>0&&$(a.join(` `),`error`)}async function oe(e,t){try{let n=(await H(Mt,{path:e})).entry;if(n?.__typename!==`Folder`){$(`There is no folder ${e}.`,`error`);return}await ae(n.id,e,t)}catch(e){$(Y(e),`error`)}}function F(e){e.__typename===`Folder`?en(Kt(e.path)):f(ie.findIndex(t=>t.id===e.id))}B(()=>{let e=e=>{if(e.defaultPrevented||e.ctrlKey||e.metaKey||e.altKey||Mi(e.target))return;let t=N.length===1?N[0]:null;if(e.key===`/`)document.getElementById(`search`)?.focus();else if(e.key===`?`)v(!0);else if(e.key===`Escape`&&N.length>0)u(new Set);else if(e.key===`Delete`&&N.length>0)u(new Set),si(N,ne);else if(e.key===`F2`&&t)te(`Rename`,t);else if(e.key===`Enter`&&t&&!e.target?.closest?.(`a, button`))F(t);else return;e.preventDefault()};return document.addEventListener(`keydown`,e),()=>document.removeEventListener(`keydown`,e)});let I=e===`/`?`All files`:e.split(`/`).pop(),L=sn(D?.shared);return Q(`div`,{class:r?`browser dropping`:`browser`,onDragOver:e=>{e.dataTransfer?.types.includes(`Files`)&&D&&(e.preventDefault(),i(!0))},onDragLeave:e=>{e.currentTarget===e.target&&i(!1)},onDrop:e=>{e.preventDefault(),i(!1);let t=Array.from(e.dataTransfer?.files??[]);Ir(e.dataTransfer?.items).then(e=>e?re(e):j(t))},children:[Q(Oi,{path:e,onDropInto:(e,t)=>void oe(e,t)}),Q(`div`,{class:`toolbar`,children:[Q(`h1`,{children:I}),Q(`div`,{class:`toolbar-actions`,children:[Q(`label`,{for:`upload-files`,class:`visually-hidden`,children:`Upload files`}),Q(`input`,{id:`upload-files`,ref:y,type:`file`,multiple:!0,class:`visually-hidden`,tabIndex:-1,disabled:!D,onChange:e=>{let t=e.currentTarget;t.files&&t.files.length>0&&j(Array.from(t.files)),t.value=``}}),Q(`button`,{type:`button`,class:`primary`,disabled:!D||!L,"aria-describedby":L?void 0:`shared-role`,onClick:()=>y.current?.click(),children:[Q(`span`,{class:`i i-upload`,"aria-hidden":`true`}),`Upload`]}),Q(`label`,{for:`upload-folder`,class:`visually-hidden`,children:`Upload a folder`}),Q(`input`,{id:`upload-folder`,ref:x,type:`file`,class:`visually-hidden`,tabIndex:-1,disabled:!D,webkitdirectory:!0,onChange:e=>{let t=e.currentTarget;t.files&&t.files.length>0&&re(Nr(t.files)),t.value=``}}),Q(`button`,{type:`button`,disabled:!D||!L,"aria-describedby":L?void 0:`shared-role`,onClick:()=>x.current?.click(),children:[Q(`span`,{class:`i i-upload`,"aria-hidden":`true`}),`Upload folder`]}),Q(`button`,{type:`button`,disabled:!D||!L,"aria-describedby":L?void 0:`shared-role`,onClick:()=>n(!0),children:[Q(`span`,{class:`i i-folder-plus`,"aria-hidden":`true`}),`New folder`]}),Q(`button`,{type:`button`,class:`shortcut-help`,"aria-label":`Keyboard shortcuts`,onClick:()=>v(!0),children:`?`})]})]}),D?.shared&&Q(Si,{shared:D.shared}),Q(Ti,{items:a,queue:Di}),k&&Q(`p`,{role:`alert`,class:`form-error`,children:k}),O&&Q(`p`,{class:`empty`,children:[`There is no folder `,e,`. It may have been moved or deleted.`]}),N.length>0&&Q(`div`,{class:`bulk-bar`,role:`region`,"aria-label":`Selection`,children:[Q(`span`,{class:`bulk-count`,children:[N.length,` selected`]}),Q(`div`,{class:`bulk-actions`,children:[Q(`button`,{type:`button`,onClick:()=>{for(let e of N)ai(e)},children:[Q(`span`,{class:`i i-download`,"aria-hidden":`true`}),`Download`]}),Q(`button`,{type:`button`,onClick:()=>g(`Move`),children:[Q(`span`,{class:`i i-move`,"aria-hidden":`true`}),`Move`]}),Q(`button`,{type:`button`,onClick:()=>g(`Copy`),children:[Q(`span`,{class:`i i-copy`,"aria-hidden":`true`}),`Copy`]}),Q(`button`,{type:`button`,class:`danger-text`,onClick:()=>{u(new Set),si(N,ne)},children:[Q(`span`,{class:`i i-delete`,"aria-hidden":`true`}),`Delete`]}),Q(`button`,{type:`button`,class:`link-button`,onClick:()=>u(new Set),children:`Clear`})]})]}),D&&Q(b,{children:[Q(mi,{caption:`Contents of ${I}`,entries:M,actions:A,onOpen:F,sort:s,onSort:e=>c(Br(s,e)),onDropInto:(e,t)=>void ae(e.id,e.path,t),selection:{selected:l,toggle:P,toggleAll:()=>u(N.length===M.length?new Set:new Set(M.map(e=>e.id)))},empty:Q(b,{children:[Q(`span`,{class:`icon icon-drop`,"aria-hidden":`true`}),Q(`p`,{children:`This folder is empty.`}),Q(`p`,{class:`muted`,children:L?`Drop files here, or use Upload.`:`Only its owner and editors can add files here.`})]})}),Q(`p`,{class:`muted small listing-foot`,children:[D.entries.length<D.totalCount?`Showing ${D.entries.length} of ${D.totalCount} items.`:`${D.totalCount} item${D.totalCount===1?``:`s`}.`,` `,L&&Q(`span`,{class:`wide-only`,children:`Drop files anywhere here to upload them.`})]}),D.hasNextPage&&Q(`button`,{type:`button`,onClick:()=>void En(T),children:`Load more`})]}),t&&Q(Ur,{title:`New folder`,action:`Create`,initial:``,onClose:()=>n(!1),onSubmit:async e=>{try{let t=(await H(ct,{parentId:D?.folderId??null,name:e.trim()})).createFolder;return t.__typename===`Folder`?(Rn(t),ri(),$(`Created “${t.name}”.`),null):J(t)}catch(e){return Y(e)}}}),p&&Q(er,{title:p.taken.length===1?`“${p.taken[0]}” is already here`:`${p.taken.length} files are already here`,onClose:()=>m(null),children:[Q(`p`,{children:`Replace keeps one file and adds your upload as its newest version (the old one stays under Versions). Keep both adds your upload under a new name.`}),Q(`div`,{class:`dialog-actions`,children:[Q(`button`,{type:`button`,onClick:()=>m(null),children:`Cancel`}),Q(`button`,{type:`button`,onClick:()=>{Di.add(p.files,{parentId:p.parentId,path:p.path,replace:!1}),m(null)},children:`Keep both`}),Q(`button`,{type:`button`,class:`primary`,autoFocus:!0,onClick:()=>{let e=new Set(p.taken),t=p.files.filter(t=>!e.has(t.name));t.length>0&&Di.add(t,{parentId:p.parentId,path:p.path,replace:!1}),Di.add(p.files.filter(t=>e.has(t.name)),{parentId:p.parentId,path:p.path,replace:!0}),m(null)},children:`Replace`})]})]}),h&&Q(Hr,{kind:h,entries:N,onClose:()=>g(null),onDone:e=>{$(e),u(new Set),ne()}}),d!==null&&ie[d]&&Q(xi,{files:ie,index:d,onIndex:f,onClose:()=>f(null)}),_&&Q(er,{title:`Keyboard shortcuts`,onClose:()=>v(!1),children:[Q(`dl`,{class:`shortcuts`,children:ji.map(([e,t])=>Q(`div`,{children:[Q(`dt`,{children:Q(`kbd`,{children:e})}),Q(`dd`,{children:t})]},e))}),Q(`div`,{class:`dialog-actions`,children:Q(`button`,{type:`button`,class:`primary`,onClick:()=>v(!1),children:`Close`})})]}),ee]})}var Pi=`This sign-in request is unknown or has expired (they last 20 minutes). Start signing in again from the app: it opens a new page.`;function Fi({token:e}){let[t,n]=z({kind:`loading`}),[r,i]=z(null),[a,o]=z(!1);B(()=>{let t=!0;return H(Ht,{token:e}).then(e=>{t&&n(e.loginFlow?{kind:`asking`,appName:e.loginFlow.appName}:{kind:`unknown`})}).catch(e=>t&&i(Y(e))),()=>{t=!1}},[e]);async function s(t){o(!0),i(null);try{(await H(Ut,{token:e})).grantLoginFlow.__typename===`LoginFlowGranted`?n({kind:`granted`,appName:t}):n({kind:`unknown`})}catch(e){i(Y(e))}finally{o(!1)}}return Q(`div`,{class:`flow-page`,children:Q(`div`,{class:`signin-card flow-card`,children:[t.kind===`loading`&&!r&&Q(`p`,{class:`muted`,children:`Opening the request…`}),t.kind===`unknown`&&Q(b,{children:[Q(`h1`,{children:`This request does not open`}),Q(`p`,{role:`alert`,children:Pi})]}),t.kind===`asking`&&Q(b,{children:[Q(`h1`,{children:[`Grant access to `,t.appName,`?`]}),Q(`p`,{children:[t.appName,` will be able to read and change all your files. It gets an app password of its own, listed on your Account page, where you can revoke it at any time.`]}),Q(`div`,{class:`signin-actions`,children:[Q(`button`,{type:`button`,class:`primary`,disabled:a,onClick:()=>void s(t.appName),children:`Grant access`}),Q(`button`,{type:`button`,disabled:a,onClick:()=>n({kind:`cancelled`,appName:t.appName}),children:`Cancel`})]})]}),t.kind===`granted`&&Q(b,{children:[Q(`h1`,{children:`Access granted`}),Q(`p`,{role:`status`,children:`Access granted: you can close this page and go back to the app.`})]}),t.kind===`cancelled`&&Q(b,{children:[Q(`h1`,{children:`Access not granted`}),Q(`p`,{role:`status`,children:[t.appName,` was not given access. You can close this page; the app's request expires by itself.`]})]}),r&&Q(`p`,{role:`alert`,class:`form-error`,children:r}),Q(`p`,{class:`small`,children:Q(`a`,{href:`/`,onClick:q,children:`Go to your files`})})]})})}function Ii({query:e}){let[t,n]=Fn(e.trim()),r=An(t,n),{buttons:i,dialog:a}=ci();return Q(`div`,{children:[Q(`div`,{class:`toolbar`,children:Q(`h1`,{children:[`Search results for “`,e,`”`]})}),r.error&&Q(`p`,{role:`alert`,class:`form-error`,children:r.error}),r.loaded?Q(mi,{caption:`Search results for ${e}`,entries:bn(r),showPath:!0,actions:i,empty:Q(`p`,{children:[`No file or folder name contains “`,e,`”.`]})}):Q(`p`,{class:`muted`,children:`Searching…`}),a]})}function Li(e){return`${e}${e.includes(`?`)?`&`:`?`}dl=1`}function Ri(e,t){let n=qt(t),r=`/s/${e}`;return n.length===0?r:`${r}?path=${encodeURIComponent(n.join(`/`))}`}function zi({token:e,path:t}){let[n,r]=z(null),[i,a]=z(!1),[o,s]=z(null),[c,l]=z(``),[u,d]=z(null),[f,p]=z(!0),[m,h]=z([]),[g,_]=z(0),[v,y]=z(null),[x,S]=z([]),C=V(null),w=V(null);async function T(n){p(!0);try{let i=(await H(Tt,{token:e,password:n,path:t||null})).sharedLink;i.__typename===`SharedEntry`?(r(i),qt(i.path).length===0&&y(i.name),a(!1),s(n),w.current=n,d(null),document.title=`${i.name||`Shared folder`} · dropbox-lite`):i.__typename===`PasswordRequiredError`||i.__typename===`WrongPasswordError`?(a(!0),r(null),d(i.__typename===`WrongPasswordError`?J(i):null)):(r(null),a(!1),d(J(i)))}catch(e){d(Y(e))}finally{p(!1)}}B(()=>{T(o)},[e,t,g]);let E=xe(()=>new pr((t,n,r)=>{let i=Xe(Et,{token:e,password:w.current},t,r);return{cancel:i.cancel,promise:i.promise.then(e=>{let t=e.uploadToShareLink;return t.__typename===`File`?(S(e=>[...e,t.name]),null):J(t)})}},3,()=>_(e=>e+1)),[e]);B(()=>E.subscribe(h),[E]);let D=e=>E.add(e,null),O=qt(n?.path??t);return Q(`div`,{class:`share-page`,children:[Q(`header`,{class:`topbar`,children:[Q(`span`,{class:`brand`,children:[Q(`span`,{class:`brand-mark`,"aria-hidden":`true`}),` dropbox-lite`]}),Q(`span`,{class:`muted`,children:`Shared with you`})]}),Q(`main`,{class:`share-main`,children:[f&&!n&&!i&&!u&&Q(`p`,{class:`muted`,children:`Opening the link…`}),i&&Q(`form`,{class:`share-card`,onSubmit:e=>{e.preventDefault(),T(c)},children:[Q(`h1`,{children:`This link is protected`}),Q(`p`,{class:`muted`,children:`Enter the password you were given to open it.`}),Q(`label`,{for:`share-open-password`,children:`Password`}),Q(`input`,{id:`share-open-password`,type:`password`,autocomplete:`off`,required:!0,value:c,onInput:e=>l(e.currentTarget.value)}),u&&Q(`p`,{role:`alert`,class:`form-error`,children:u}),Q(`button`,{type:`submit`,class:`primary`,children:`Open`})]}),!i&&!n&&u&&Q(`div`,{class:`share-card`,children:[Q(`h1`,{children:`This link does not open`}),Q(`p`,{role:`alert`,children:u})]}),n&&!n.isFolder&&Q(`div`,{class:`share-card`,children:[n.thumbnailUrl?Q(`img`,{class:`share-thumb`,src:di(n.thumbnailUrl),alt:`Preview of ${n.name}`}):Q(fi,{folder:!1}),Q(`h1`,{children:n.name}),Q(`p`,{class:`muted`,children:[G(n.size??0),` · modified `,K(n.modifiedAt),n.expiresAt&&` · link expires ${K(n.expiresAt)}`]}),n.downloadUrl&&Q(`a`,{class:`button-link primary`,href:Li(n.downloadUrl),download:n.name,children:`Download`})]}),n&&n.isFolder&&n.access===`UPLOAD_ONLY`&&Q(`div`,{class:`share-card share-upload`,children:[Q(fi,{folder:!0}),Q(`h1`,{children:`Upload files`}),Q(`p`,{class:`muted`,children:[`Files you add here go to `,n.name?`“${n.name}”`:`this folder`,`. You see only what you upload yourself.`,n.expiresAt&&` The link works until ${K(n.expiresAt)}.`]}),Q(Bi,{inputRef:C,onFiles:D}),Q(Vi,{onFiles:D,children:[Q(`p`,{children:`Drop files here, or`}),Q(`button`,{type:`button`,class:`primary`,onClick:()=>C.current?.click(),children:`Choose files`})]}),Q(Ti,{items:m,queue:E}),x.length>0&&Q(`ul`,{class:`uploaded-list`,"aria-label":`Uploaded files`,children:x.map((e,t)=>Q(`li`,{children:[`Uploaded: `,e]},`${t}-${e}`))})]}),n&&n.isFolder&&n.access!==`UPLOAD_ONLY`&&Q(`div`,{class:`share-folder`,children:[Q(`nav`,{"aria-label":`Breadcrumb`,class:`breadcrumb`,children:Q(`ol`,{children:[{name:v??`Shared folder`,at:`/`},...O.map((e,t)=>({name:e,at:O.slice(0,t+1).join(`/`)}))].map((t,n,r)=>Q(`li`,{children:n===r.length-1?Q(`span`,{"aria-current":`page`,children:t.name}):Q(`a`,{href:Ri(e,t.at),onClick:q,children:t.name})},t.at))})}),Q(`div`,{class:`toolbar`,children:[Q(`h1`,{children:n.name}),(n.zipUrl||n.access===`EDITOR`)&&Q(`div`,{class:`toolbar-actions`,children:[n.zipUrl&&Q(`a`,{class:`button-link`,href:n.zipUrl,download:`${n.name}.zip`,children:`Download zip`}),n.access===`EDITOR`&&Q(b,{children:[Q(Bi,{inputRef:C,onFiles:D}),Q(`button`,{type:`button`,class:`primary`,onClick:()=>C.current?.click(),children:`Upload`})]})]})]}),n.access===`EDITOR`&&Q(Vi,{onFiles:D,children:`You can add files to this folder: drop them here or use Upload.`}),Q(Ti,{items:m,queue:E}),n.children&&n.children.items.length>0?Q(`table`,{class:`entries`,children:[Q(`caption`,{class:`visually-hidden`,children:[`Contents of `,n.name]}),Q(`thead`,{children:Q(`tr`,{children:[Q(`th`,{scope:`col`,children:`Name`}),Q(`th`,{scope:`col`,class:`num`,children:`Size`}),Q(`th`,{scope:`col`,children:`Modified`}),Q(`th`,{scope:`col`,children:Q(`span`,{class:`visually-hidden`,children:`Actions`})})]})}),Q(`tbody`,{children:n.children.items.map(t=>Q(`tr`,{"data-entry":t.name,children:[Q(`th`,{scope:`row`,class:`name`,children:Q(`span`,{class:`name-line`,children:[Q(fi,{folder:t.isFolder,thumbnail:t.thumbnailUrl}),t.isFolder?Q(`a`,{href:Ri(e,t.path),onClick:q,children:t.name}):Q(`span`,{children:t.name})]})}),Q(`td`,{class:`num muted`,children:t.isFolder?`—`:G(t.size??0)}),Q(`td`,{class:`muted`,children:K(t.modifiedAt)}),Q(`td`,{class:`actions`,children:t.downloadUrl&&Q(`a`,{class:`button-link`,href:Li(t.downloadUrl),download:t.name,children:`Download`})})]},t.path))})]}):Q(`p`,{class:`empty`,children:`This folder is empty.`}),n.children?.hasMore&&Q(`p`,{class:`muted small`,children:`Only the first 100 items are shown.`})]})]})]})}function Bi({inputRef:e,onFiles:t}){return Q(b,{children:[Q(`label`,{for:`share-upload`,class:`visually-hidden`,children:`Upload files`}),Q(`input`,{id:`share-upload`,ref:e,type:`file`,multiple:!0,class:`visually-hidden`,tabIndex:-1,onChange:e=>{let n=e.currentTarget;n.files&&n.files.length>0&&t(Array.from(n.files)),n.value=``}})]})}function Vi({onFiles:e,children:t}){return Q(`div`,{class:`dropzone`,onDragOver:e=>e.preventDefault(),onDrop:t=>{t.preventDefault();let n=t.dataTransfer?.files;n&&n.length>0&&e(Array.from(n))},children:t})}function Hi(){let e=An(...In),{buttons:t,dialog:n}=ci();return Q(`div`,{children:[Q(`div`,{class:`toolbar`,children:Q(`h1`,{children:`Shared with me`})}),e.error&&Q(`p`,{role:`alert`,class:`form-error`,children:e.error}),e.loaded?Q(mi,{caption:`Folders shared with you`,entries:bn(e),actions:t,empty:Q(`p`,{children:`Nobody shares a folder with you yet. When someone does, it shows here and in All files.`})}):Q(`p`,{class:`muted`,children:`Loading…`}),n]})}function Ui(e=navigator.userAgent){return`Web app (${/Edg\//.test(e)?`Edge`:/Firefox\//.test(e)?`Firefox`:/Chrom(e|ium)\//.test(e)?`Chrome`:/Safari\//.test(e)?`Safari`:`a browser`})`}function Wi({info:e,purpose:t=null}){let[n,r]=z(``),[i,a]=z(``),[o,s]=z(null),[c,l]=z(!1),[u,d]=z(null),[f,p]=z(!1);async function m(t){l(!0),s(null);try{let r={username:n.trim(),password:i,deviceName:Ui(),deviceKey:He()},a=t===`login`?(await H(nt,r)).login:(await H(tt,{...r,inviteCode:u?.trim()||null})).signup;if(a.__typename===`AuthPayload`){Jn(r.username),Re(a.token,f);return}if(a.__typename===`InvalidCredentialsError`&&e?.storageBackend===`memory`&&Yn(r.username)){s(Xn);return}if(a.__typename===`SignupRefusedError`&&a.policy===`invite`&&u===null){d(``),s(`This server needs an invite code to create an account: enter yours below.`);return}s(J(a))}catch(e){s(Y(e))}finally{l(!1)}}return Q(`main`,{class:`signin`,children:Q(`div`,{class:`signin-card`,children:[Q(`h1`,{class:`brand`,children:[Q(`span`,{class:`brand-mark`,"aria-hidden":`true`}),` dropbox-lite`]}),Q(`p`,{class:`muted`,children:`Your files, on your own server.`}),t&&Q(`p`,{class:`form-note signin-purpose`,role:`status`,children:t}),Q(`form`,{onSubmit:e=>{e.preventDefault(),m(`login`)},children:[Q(`label`,{for:`username`,children:`Username`}),Q(`input`,{id:`username`,name:`username`,autocomplete:`username`,required:!0,value:n,onInput:e=>r(e.currentTarget.value)}),Q(`label`,{for:`password`,children:`Password`}),Q(`input`,{id:`password`,name:`password`,type:`password`,autocomplete:`current-password`,required:!0,value:i,onInput:e=>a(e.currentTarget.value)}),Q(`label`,{class:`checkbox`,for:`stay`,children:[Q(`input`,{id:`stay`,type:`checkbox`,checked:f,onChange:e=>p(e.currentTarget.checked)}),`Stay signed in`]}),u!==null&&Q(b,{children:[Q(`label`,{for:`invite-code`,children:`Invite code`}),Q(`input`,{id:`invite-code`,name:`invite-code`,autocomplete:`off`,value:u,onInput:e=>d(e.currentTarget.value)})]}),o&&Q(`p`,{role:`alert`,class:`form-error`,children:o}),Q(`div`,{class:`signin-actions`,children:[Q(`button`,{type:`submit`,class:`primary`,disabled:c,children:`Sign in`}),e?.signupPolicy!==`closed`&&Q(`button`,{type:`button`,disabled:c,onClick:e=>{let t=e.currentTarget.form;(!t||t.reportValidity())&&m(`signup`)},children:`Create account`})]}),e?.signupPolicy===`closed`?Q(`p`,{class:`muted small`,children:`This server's administrator creates its accounts.`}):Q(`p`,{class:`muted small`,children:[`New here? Choose a username (3 to 32 letters, digits, `,Q(`code`,{children:`.`}),` `,Q(`code`,{children:`_`}),` `,Q(`code`,{children:`-`}),`) and a password of at least 8 characters, then Create account.`]})]})]})})}function Gi(){let e=An(...Pn),t=e.loaded?bn(e):null,[n,r]=z(null),[i,a]=z(!1);async function o(e){try{let t=(await H(pt,{id:e.id})).restoreEntry;t.__typename===`File`||t.__typename===`Folder`?(Rn(t),ri(),$(`Restored “${e.name}” to ${t.path}.`)):$(J(t),`error`)}catch(e){$(Y(e),`error`)}}return Q(`div`,{children:[Q(`div`,{class:`toolbar`,children:[Q(`h1`,{children:`Trash`}),Q(`div`,{class:`toolbar-actions`,children:Q(`button`,{type:`button`,class:`danger-text`,disabled:!t||t.length===0,onClick:()=>a(!0),children:[Q(`span`,{class:`i i-delete`,"aria-hidden":`true`}),`Empty trash`]})})]}),Q(`p`,{class:`muted`,children:`Deleted files and folders stay here until you delete them forever. What was deleted in a folder shared with you is its owner's to delete forever.`}),t===null?Q(`p`,{class:`muted`,children:`Loading…`}):Q(mi,{caption:`Trash`,entries:t,showPath:!0,showDeleted:!0,empty:Q(`p`,{children:`The trash is empty.`}),actions:e=>{let t=e.shared?.ownerUsername,n=e.shared?.yourRole===`VIEWER`,i=e.shared!=null&&!e.shared.youOwn;return Q(qr,{name:e.name,actions:[{label:`Restore`,icon:`restore`,disabled:n,title:n?`Only ${t} and editors restore this`:void 0,onClick:()=>void o(e)},{label:`Delete forever`,icon:`delete`,danger:!0,disabled:i,title:i?`Only ${t} deletes this forever`:void 0,onClick:()=>r(e)}]})}}),e.error&&Q(`p`,{role:`alert`,class:`form-error`,children:e.error}),e.hasNextPage&&t&&Q(`button`,{type:`button`,onClick:()=>void En(e),children:`Load more`}),i&&Q(tr,{title:`Empty the trash?`,action:`Empty trash`,onClose:()=>a(!1),onConfirm:async()=>{try{let e=(await H(Nt)).emptyTrash;$(`Deleted ${e} item${e===1?``:`s`} forever.`),ni()}catch(e){$(Y(e),`error`)}},children:Q(`p`,{children:`Everything in the trash that is yours is deleted forever. This cannot be undone.`})}),n&&Q(tr,{title:`Delete “${n.name}” forever?`,action:`Delete forever`,onClose:()=>r(null),onConfirm:async()=>{try{await H(mt,{id:n.id}),wn([n.id]),ri(),$(`Deleted “${n.name}” forever.`)}catch(e){$(Y(e),`error`)}},children:Q(`p`,{children:[`This cannot be undone`,n.__typename===`Folder`?`: the folder and everything in it go`:``,`.`]})})]})}function Ki({me:e}){let{usedBytes:t,quotaBytes:n}=e.usage;return Q(`div`,{class:`usage`,children:[Q(`span`,{class:`small`,children:Gt(t,n)}),n!=null&&n>0&&Q(`meter`,{min:0,max:n,value:t,"aria-label":`Storage used`})]})}function qi({me:e,children:t,query:n,info:r}){let[i,a]=z(n),{pathname:o}=tn();B(()=>a(n),[n]);let s=e=>o===e?`page`:void 0;return Q(`div`,{class:`shell`,children:[Q(`header`,{class:`topbar`,children:[Q(`a`,{class:`brand`,href:`/`,onClick:q,children:[Q(`span`,{class:`brand-mark`,"aria-hidden":`true`}),` dropbox-lite`]}),Q(`form`,{role:`search`,class:`search`,onSubmit:e=>{e.preventDefault(),i.trim()&&en(`/search?q=${encodeURIComponent(i.trim())}`)},children:[Q(`label`,{for:`search`,class:`visually-hidden`,children:`Search`}),Q(`input`,{id:`search`,type:`search`,placeholder:`Search files and folders`,value:i,onInput:e=>a(e.currentTarget.value)})]}),Q(`div`,{class:`account`,children:[e&&Q(`span`,{class:`username`,children:e.username}),Q(`button`,{type:`button`,onClick:async()=>{try{await H(rt)}catch{}Re(null),en(`/`,!0)},children:`Sign out`})]})]}),Q(`div`,{class:`layout`,children:[Q(`nav`,{class:`sidebar`,"aria-label":`Main`,children:[Q(`ul`,{children:[Q(`li`,{children:Q(`a`,{href:`/`,onClick:q,"aria-current":o===`/`||o.startsWith(`/browse`)?`page`:void 0,children:[Q(`span`,{class:`icon icon-folder`,"aria-hidden":`true`}),`All files`]})}),Q(`li`,{children:Q(`a`,{href:`/shared`,onClick:q,"aria-current":s(`/shared`),children:[Q(`span`,{class:`icon icon-shared`,"aria-hidden":`true`}),`Shared with me`]})}),Q(`li`,{children:Q(`a`,{href:`/trash`,onClick:q,"aria-current":s(`/trash`),children:[Q(`span`,{class:`icon icon-trash`,"aria-hidden":`true`}),`Trash`]})}),Q(`li`,{children:Q(`a`,{href:`/devices`,onClick:q,"aria-current":s(`/devices`),children:[Q(`span`,{class:`icon icon-device`,"aria-hidden":`true`}),`Devices`]})}),Q(`li`,{children:Q(`a`,{href:`/account`,onClick:q,"aria-current":s(`/account`),children:[Q(`span`,{class:`i i-account`,"aria-hidden":`true`}),`Account`]})}),r?.graphiqlEnabled!==!1&&Q(`li`,{children:Q(`a`,{href:`/graphql`,children:[Q(`span`,{class:`icon icon-code`,"aria-hidden":`true`}),`Playground`]})})]}),e&&Q(Ki,{me:e})]}),Q(`main`,{class:`content`,children:t})]}),Q(rr,{})]})}function Ji(){let[e,t]=z(Le()),[n,r]=z(null),i=tn(),a=Gn();B(()=>ze(e=>{jn(),t(e)}),[]),B(()=>{if(!e){r(null);return}let t=()=>H(et).then(e=>r(e.me)).catch(()=>void 0);t(),window.addEventListener(ti,t);let n=0,i=Vn({token:e,onChange:e=>{zn(e),window.clearTimeout(n),n=window.setTimeout(ri,150)}});return()=>{window.removeEventListener(ti,t),window.clearTimeout(n),i()}},[e]);let{pathname:o,search:s}=i,c=Q(Zn,{info:a});if(o.startsWith(`/s/`))return Q(b,{children:[c,Q(zi,{token:o.slice(3),path:s.get(`path`)??``})]});let l=o.startsWith(`/login-flow/`)?decodeURIComponent(o.slice(12)):null;if(!e)return Q(b,{children:[c,Q(Wi,{info:a,purpose:l?`An app asks to connect to your account: sign in first.`:null})]});if(l!==null)return Q(b,{children:[c,Q(Fi,{token:l})]});let u;return u=o===`/trash`?Q(Gi,{}):o===`/shared`?Q(Hi,{}):o===`/devices`?Q(sr,{}):o===`/account`?Q(lr,{username:n?.username??null}):o===`/search`?Q(Ii,{query:s.get(`q`)??``}):Q(Ni,{path:Jt(o)}),Q(b,{children:[c,Q(qi,{me:n,info:a,query:o===`/search`?s.get(`q`)??``:``,children:u})]})}Ie();var Yi=document.getElementById(`app`);Yi&&F(Q(Ji,{}),Yi);