const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/browser-kC1Gw6nt.js","assets/rolldown-runtime-BWaJ3C7D.js"])))=>i.map(i=>d[i]);
import{t as e}from"./preload-helper-DygEbaNj.js";var t,n,r,i,a,o,s,c,l,u,d=Symbol.for(`pv`),f={},p=[],m=/^m(i|n|o|s|text|space)$/,h=Array.isArray,g=p.slice,_=Object.assign;function v(e){e&&e.parentNode&&e.remove()}function y(e,r,i,a,o){var s={type:e,props:r,key:i,ref:a,__k:null,__:null,__b:0,__e:null,__c:null,constructor:d,__v:o||++n,__i:-1,__u:0};return!o&&t.vnode&&t.vnode(s),s}function b(e){return e.children}function x(e,t){this.props=e,this.context=t,this.__g=0}function S(e,t){if(t==null)return e.__&&S(e.__,e.__i+1);for(var n;t<e.__k.length;t++)if((n=e.__k[t])&&n.__e)return n.__e;return typeof e.type!=`function`||e.props.__P?null:S(e)}function C(e){var n,r=e.__v,i=r.__e,a=[],o=[],s=e.__P;s&&((n=_({constructor:d},r)).__v=r.__v+1,t.vnode&&t.vnode(n),j(s,n,r,e.__n,s.namespaceURI,32&r.__u?[i]:null,a,i||S(r),32&r.__u,o),n.__v=r.__v,n.__.__k[n.__i]=n,ae(a,n,o),r.__=r.__e=null,n.__e!=i&&w(n))}function w(e){if((e=e.__)&&e.__c&&!e.props.__P)return e.__e=null,e.__k.some(function(t){return t&&(e.__e=t.__e)}),w(e)}function T(e){(8&e.__g||(e.__g|=8,r.push(e),a++))&&i==t.debounceRendering||((i=t.debounceRendering)||queueMicrotask)(E)}function E(){try{for(var e,t=1;r.length;)r.length>t&&r.sort(o),e=r.shift(),t=r.length,8&e.__g&&C(e)}finally{(a=r.length)&&(i||queueMicrotask)(E)}}function ee(e,t,n,r,i,a,o,s,c,l,u){var d,m,h,g,_,v,y=r.__k||p,b=t.length;for(c=D(n,t,y,c,b),d=0;d<b;d++)(h=n.__k[d])!=null&&(m=~h.__i&&y[h.__i]||f,h.__i=d,v=j(e,h,m,i,a,o,s,c,l,u),g=h.__e,(m.ref!=h.ref||8&m.__u)&&(m.ref&&M(m.ref,null,h,m),h.ref&&u.push(h.ref,h.__c||g,h)),_||=g,4&h.__u?(c=O(h,c,e,!m.__v),m.__e&&(m.__e=null)):typeof h.type==`function`&&v!==void 0?c=v:g&&(c=g.nextSibling),h.__u&=-21);return n.__e=_,c}function D(e,t,n,r,i){var a,o,s,c,l,u,f,p,m,g=n.length,_=g,v=0,x=0,C=e.__k=Array(i);for(a=0;a<i;a++)(o=t[a])!=null&&typeof o!=`boolean`&&typeof o!=`function`?(typeof o!=`object`||o.constructor===String?o=C[a]=y(null,o):h(o)?o=C[a]=y(b,{children:o}):o.constructor===d&&o.__b?o=C[a]=y(o.type,o.props,o.key,o.ref,o.__v):C[a]=o,c=a+v,o.__=e,o.__b=e.__b+1,s=null,~(l=o.__i=k(o,n,c,_))&&(_--,(s=n[l])&&(s.__u|=2)),s&&s.__v?(o.__u|=16,l==c-1?v--:l==c+1?v++:l!=c&&(l>c?v--:v++,x=1)):(~l||(i>g?v--:i<g&&v++),typeof o.type!=`function`&&(o.__u|=4))):C[a]=null;if(x){for(u=[],f=[],a=0;a<i;a++)if((o=C[a])&&16&o.__u){for(v=0,p=u.length;v<p;)u[m=v+p>>1]<o.__i?v=m+1:p=m;u[v]=o.__i,f[a]=v+1}for(v=u.length;a--;)f[a]&&(f[a]==v?v--:C[a].__u|=4)}if(_)for(a=0;a<g;a++)!(s=n[a])||2&s.__u||(s.__e==r&&(r=S(s)),se(s,s));return r}function O(e,t,n,r){var i,a,o,s;if(typeof e.type==`function`){if(e.props.__P)return t;if(i=e.__k)for(a=0;a<i.length;a++)i[a]&&(i[a].__=e,t=O(i[a],t,n,!1));return t}for(t&&!t.parentNode&&(t=S(e))&&!t.parentNode&&(t=null),o=e.__e,s=t;s&&s.nodeType==8;)s=s.nextSibling;for(o!=s&&(!r&&n.moveBefore&&o.parentNode?n.moveBefore(o,t):n.insertBefore(o,t||null)),t=o;(t&&=t.nextSibling)&&t.nodeType==8&&!t.data.startsWith(`$s`););return t}function k(e,t,n,r){var i,a=e.key,o=e.type,s=t[n],c=s&&!(2&s.__u);if(s===null&&a==null||c&&a==s.key&&o==s.type)return n;if(r>+!!c){for(i=n-1;i>=0;i--)if((s=t[i])&&!(2&s.__u)&&a==s.key&&o==s.type)return i;for(i=n+1;i<t.length;i++)if((s=t[i])&&!(2&s.__u)&&a==s.key&&o==s.type)return i}return-1}function A(e,t,n){n??=``,t[0]==`-`?e.setProperty(t,n):e[t]=n}function te(e,t,n,r,i){var a,o;if(t==`style`){if(typeof n==`string`)e.style.cssText=n;else{if(typeof r==`string`&&(e.style.cssText=r=``),r)for(t in r)n&&t in n||A(e.style,t);if(n)for(t in n)r&&n[t]==r[t]||A(e.style,t,n[t])}}else if(t[0]==`o`&&t[1]==`n`)typeof n!=`function`&&(n=null),typeof r!=`function`&&(r=null),(e.__e||={})[t]=n,n&&r||(o=u[t]||(u[t]=ne(t)),(e.__a||={})[t]=l,a=t!=(t=t.replace(c,`$1`)),(t=t.slice(2))[0]<`a`&&(t=t.toLowerCase()),n?e.addEventListener(t,o,a):e.removeEventListener(t,o,a));else{if(i==`http://www.w3.org/2000/svg`)t=t.replace(/xlink(H|:h)/,`h`).replace(/sName$/,`s`);else if(t!=`width`&&t!=`height`&&t!=`href`&&t!=`list`&&t!=`form`&&t!=`tabIndex`&&t!=`download`&&t!=`rowSpan`&&t!=`colSpan`&&t!=`role`&&t!=`popover`&&t in e)try{e[t]=n??``;return}catch{}if(typeof n==`function`)return;n==null||!1===n&&t[4]!=`-`?e.removeAttribute(t):e.setAttribute(t,t==`popover`&&n==1?``:n)}}function ne(e){return function(n){var r=this.__e;if(r){if(r=r[e],n[s]==null)n[s]=l++;else if(n[s]<this.__a[e])return;return r(t.event?t.event(n):n)}}}function j(e,n,r,i,a,o,s,c,l,u){var f,m,g,y,C,w,T,E,D,O,k,A,te,ne,j,ae,M,N,P=n.type;if(n.constructor!==d)return null;128&r.__u&&(l=32&r.__u,f=r.__c.__z)&&(n.__u|=l,m=o=[],f.nodeType==8?c=re(f,o):o.push(f),c=o[0]||c),(f=t.__b)&&f(n);n:if(typeof P==`function`){g=s.length;try{if(E=n.props,D=(f=P.prototype)&&f.render,O=(f=P.contextType)&&i[f.__c],k=f?O?O.props.value:f.__:i,(y=r.__c)?(n.__c=y,2&y.__g&&(y.__g|=1)):(D?n.__c=y=new P(E,k):(n.__c=y=new x(E,k),y.constructor=P,y.render=ce),O&&O.sub(y),y.state||(y.state={}),y.__n=i,y.__g|=8,y.__h=[],y.__k=[]),D&&(y.__s||(y.__s=y.state),P.getDerivedStateFromProps&&(y.__s==y.state&&(y.__s=_({},y.__s)),_(y.__s,P.getDerivedStateFromProps(E,y.__s)))),C=y.props,w=y.state,y.__v=n,r.__c){if(E!==C&&D&&!P.getDerivedStateFromProps&&y.componentWillReceiveProps&&y.componentWillReceiveProps(E,k),n.__v==r.__v&&!(8&y.__g)||!(4&y.__g)&&y.shouldComponentUpdate&&!1===y.shouldComponentUpdate(E,y.__s,k)){n.__v!=r.__v&&(y.props=E,y.state=y.__s,y.__g&=-9),n.__e=r.__e,n.__k=r.__k,n.__k.some(function(e){e&&(e.__=n)}),p.push.apply(y.__h,y.__k),y.__k=[],y.__h.length&&s.push(y),c=S(r);break n}y.componentWillUpdate&&y.componentWillUpdate(E,y.__s,k),D&&y.componentDidUpdate&&y.__h.push(function(){y.componentDidUpdate(C,w,T)})}else D&&!P.getDerivedStateFromProps&&y.componentWillMount&&y.componentWillMount(),D&&y.componentDidMount&&y.__h.push(y.componentDidMount);y.context=k,y.props=E,y.__P=e,y.__g&=-5,A=t.__r,te=D?25:0;do y.__g&=-9,A&&A(n),f=y.render(y.props,y.state=y.__s,y.context);while(8&y.__g&&++te<25);D&&(p.push.apply(y.__h,y.__k),y.__k=[]),y.state=y.__s,y.getChildContext&&(i=_({},i,y.getChildContext())),D&&r.__c&&y.getSnapshotBeforeUpdate&&(T=y.getSnapshotBeforeUpdate(C,w)),ne=f&&f.type===b&&f.key==null?f.props.children:f,E.__P&&(f=c,a=(e=E.__P).namespaceURI,l=o=null,r.props&&r.props.__P!=e&&(r.__k.some(function(e){e&&se(e,e)}),r.__k=null),c=r.__k?S(r,0):null),c=ee(e,h(ne)?ne:[ne],n,r,i,a,o,s,c,l,u),E.__P&&(n.__e=null,c=f),n.__u&=-161,m&&m.some(v),y.__h.length&&s.push(y),1&y.__g&&(y.__g&=-4)}catch(e){if(s.length=g,n.__v=null,l||o){if(e&&e.then){if(n.__u|=128|l,o){for(~(M=o.indexOf(c||void 0))||(M=o.length);(N=o[M-1])&&N.nodeType==8;)M--;for(;M<o.length;M++)if(N=o[M]){if(o[M]=null,j){if(N==ae)break}else{if(N.nodeType!=8)break;N.data.startsWith(`$s`)&&(ae=re(j=N))}}}if(!j){for(;c&&c.nodeType==8&&c.nextSibling;)c=c.nextSibling;j=c}(f=re(j=n.__c.__z||(n.__c.__z=j)))?(n.__e=j,c=f):n.__e=c,c&&=c.nextSibling}else o&&o.some(v)}else n.__e=r.__e;n.__k||=r.__k||[],e&&e.then||ie(n),t.__e(e,n,r)}}else c=n.__e=oe(r.__e,n,r,i,a,o,s,l,u,e);return(f=t.diffed)&&f(n),c}function re(e,t){if(e&&e.nodeType==8&&e.data.startsWith(`$s`))for(var n=1;e=e.nextSibling;){if(e.nodeType==8){if(e.data.startsWith(`$s`))n++;else if(e.data.startsWith(`/$s`)&&!--n)return e}t&&t.push(e)}}function ie(e){e&&(e.__c&&(e.__c.__g|=4),e.__k&&e.__k.some(ie))}function ae(e,n,r){for(var i=0;i<r.length;)M(r[i++],r[i++],r[i++]);t.__c&&t.__c(n,e),e.some(function(n){try{e=n.__h,n.__h=[],e.some(function(e){e.call(n)})}catch(e){t.__e(e,n.__v)}})}function oe(e,n,r,i,a,o,s,c,l,u){var d,p,_,y,b,x,C,w,T=r.props||f,E=n.props,D=n.type;if(D==`svg`?a=`http://www.w3.org/2000/svg`:D==`math`?a=`http://www.w3.org/1998/Math/MathML`:a||=`http://www.w3.org/1999/xhtml`,o){for(d=0;d<o.length;d++)if((b=o[d])&&(D?b.localName==D:b.nodeType==3)){e=b,o[d]=null;break}}if(!e){if(w=u.ownerDocument||document,!D)return w.createTextNode(E);e=w.createElementNS(a,D,E.is?E:u),c&&=(t.__m&&t.__m(n,o),!1),o=null}if(D){if(u=D==`template`&&e.content||e,o=D==`textarea`&&E.defaultValue!=null?null:o&&g.call(u.childNodes),!c&&o)for(T={},d=0;d<e.attributes.length;d++)T[(b=e.attributes[d]).name]=b.value;for(d in T)b=T[d],d==`dangerouslySetInnerHTML`?_=b:d==`children`||d in E||d==`value`&&`defaultValue`in E||d==`checked`&&`defaultChecked`in E||te(e,d,null,b,a);for(d in E)b=E[d],d==`children`?y=b:d==`dangerouslySetInnerHTML`?p=b:d==`value`?x=b:d==`checked`?C=b:c&&typeof b!=`function`||T[d]===b||te(e,d,b,T[d],a);p?(c||_&&(p.__html==_.__html||p.__html==e.innerHTML)||(e.innerHTML=p.__html),n.__k=[]):(_&&(e.textContent=``),(D==`foreignObject`||a==`http://www.w3.org/1998/Math/MathML`&&m.test(D))&&(a=`http://www.w3.org/1999/xhtml`),ee(u,h(y)?y:[y],n,r,i,a,o,s,o?o[0]:r.__k&&S(r,0),c,l),o&&o.some(v)),c&&D!=`textarea`||(d=`value`,D==`progress`&&x==null?e.removeAttribute(d):x==null||x===e[d]&&(D!=`progress`||x)||te(e,d,x,T[d],a),d=`checked`,C!=null&&C!=e[d]&&te(e,d,C,T[d],a))}else T===E||c&&e.data==E||(e.data=E);return e}function M(e,n,r,i){try{typeof e==`function`?n?n.__x=e(n)||1:(i&&=i.__c||i.__e)&&(n=i.__x)&&(i.__x=null,typeof n==`function`?n():e(null)):e.current=n}catch(e){t.__e(e,r)}}function se(e,n,r){var i,a,o,s;if(t.unmount&&t.unmount(e),!(i=e.ref)||i.current&&i.current!=e.__e||M(i,null,n,e),i=e.__c){if(i.componentWillUnmount)try{i.componentWillUnmount()}catch(e){t.__e(e,n)}i.__P=i.__n=null}if(i=e.__k)for(s=0;s<i.length;s++)i[s]&&se(i[s],n,typeof e.type!=`function`||r&&!e.props.__P);!r&&(i=e.__c)&&(i=i.__z)&&(a=re(i,o=[]))&&(i==e.__e&&o.some(v),v(a),v(i)),r||v(e.__e),e.__e=e.__c=e.__=null}function ce(e,t,n){return this.constructor(e,n)}function N(e,n){var r,i,a,o;t.__&&t.__(e,n),n.nodeType==9&&(n=n.documentElement),i=(r=e&&32&e.__u)?null:n.__k,n.__k=y(b,{children:[e]}),a=[],o=[],j(n,n.__k,i||f,f,n.namespaceURI,i?null:n.firstChild?g.call(n.childNodes):null,a,i?i.__e:n.firstChild,r,o),ae(a,n.__k,o),n.__k.props.children=null}t={__e:function(e,t,n,r){for(var i,o,s;t=t.__;)if((i=t.__c)&&!(1&i.__g)){i.__g|=4;try{if((s=(o=i.constructor)&&o.getDerivedStateFromError)&&i.setState(o.getDerivedStateFromError(e)),i.componentDidCatch&&(i.componentDidCatch(e,r||{}),s=1),s&&8&i.__g)return void(i.__g|=2)}catch(t){e=t}}throw a=0,e}},n=0,x.prototype.setState=function(e,t){var n=this.__s;n&&n!=this.state||(n=this.__s=_({},this.state)),typeof e==`function`&&(e=e(_({},n),this.props)),e&&(_(n,e),this.__v&&(t&&this.__k.push(t),T(this)))},x.prototype.forceUpdate=function(e){this.__v&&(this.__g|=4,e&&this.__h.push(e),T(this))},x.prototype.render=b,r=[],a=0,o=function(e,t){return e.__v.__b-t.__v.__b},s=Symbol(),c=/(PointerCapture)$|Capture$/i,l=0,u={};var P,F,le,ue,de=Object.is,I=0,fe=[],pe=[],L=t,me=L.__b,he=L.__r,ge=L.diffed,_e=L.__c,ve=L.unmount,ye=L.__;function be(e,t){L.__h&&L.__h(F,e,I||t),I=0;var n=F.__H||(F.__H={__:[],__h:[]});return e>=n.__.length&&n.__.push({}),n.__[e]}function R(e){return I=1,xe(Me,e)}function xe(e,t,n){var r=be(P++,2);if(r.t=e,!r.__c&&(r.__=[n?n(t):Me(void 0,t),function(e){var t=(r.__N||r.__)[0],n=r.t(t,e);de(t,n)||(r.__N=[n,r.__[1]],r.__c.setState({}))}],r.__c=F,!F.__f)){F.__f=!0;var i=F.shouldComponentUpdate;F.shouldComponentUpdate=function(e,t,n){var r=this.__H;if(!r)return!0;var a=!1,o=this.props!=e;if(r.__.some(function(e){e.__N&&(a=!0,de(e.__[0],e.__N[0])||(o=!0))}),i){var s=i.call(this,e,t,n);return a?s||o:s}return!a||o}}return r.__}function z(e,t){var n=be(P++,3);!L.__s&&je(n.__H,t)&&(n.__P=!0,n.__=e,n.u=t,F.__H.__h.push(n))}function B(e){return I=5,Se(function(){return{current:e}},[])}function Se(e,t){var n=be(P++,7);return je(n.__H,t)&&(n.__=e(),n.__H=t),n.__}function Ce(e,t){return I=8,Se(function(){return e},t)}function we(){var e=be(P++,11);if(!e.__){for(var t=F.__v;!t.__m&&t.__;)t=t.__;var n=t.__m||(t.__m=[0,0]);e.__=`P`+n[0]+`-`+n[1]++}return e.__}function Te(){var e;do{for(;e=pe.shift();)try{ke(e)}catch(t){L.__e(t,{__:(e=e.__P)&&e.__v})}for(;e=fe.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(ke),t.__h.some(Ae),t.__h=[]}catch(n){t.__h=[],L.__e(n,e.__v)}}}while(pe.length)}L.__b=function(e){F=null,me&&me(e)},L.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),ye&&ye(e,t)},L.__r=function(e){he&&he(e),P=0;var t=(F=e.__c).__H;t&&(le==F?F.__h=[]:(t.__h.some(ke),t.__h.some(Ae),P=0),t.__h=[],t.__.some(function(e){e.__N&&(e.__=e.__N),e.u=e.__N=void 0})),le=F},L.diffed=function(e){ge&&ge(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&Oe(fe.push(t)),t.__H.__.some(function(e){e.u&&(e.__H=e.u)})),le=F=null},L.__c=function(e,t){t.some(function(e){try{e.__h.some(ke),e.__h=e.__h.filter(function(e){return!e.__||Ae(e)})}catch(t){e.__h=[function(){throw t}]}}),_e&&_e(e,t)},L.unmount=function(e){ve&&ve(e);var t,n,r=e.__c;r&&r.__H&&(r.__H.__.some(function(r){try{if(r.__P&&r.__c){if(n===void 0){for(n=e.__;n&&(!n.__c||!n.__c.__P);)n=n.__;n&&=n.__c}r.__P=n,Oe(pe.push(r))}else ke(r)}catch(e){t=e}}),r.__H=void 0,t&&L.__e(t,r.__v))};var Ee=typeof requestAnimationFrame==`function`;function De(e){var t,n=function(){clearTimeout(r),Ee&&cancelAnimationFrame(t),setTimeout(e)},r=setTimeout(n,35);Ee&&(t=requestAnimationFrame(n))}function Oe(e){e!=1&&ue==L.requestAnimationFrame||((ue=L.requestAnimationFrame)||De)(Te)}function ke(e){var t=F,n=e.__c;typeof n==`function`&&(e.__c=void 0,n()),F=t}function Ae(e){var t=F;e.__c=e.__(),F=t}function je(e,t){return!e||e.length!=t.length||t.some(function(t,n){return!de(t,e[n])})}function Me(e,t){return typeof t==`function`?t(e):t}var Ne=`dropbox-lite.token`,Pe=`dropbox-lite.session-id`,Fe=null,Ie=new Set;function Le(e){try{return window[e]}catch{return null}}function Re(){return Fe=Le(`sessionStorage`)?.getItem(`dropbox-lite.token`)??Le(`localStorage`)?.getItem(`dropbox-lite.token`)??null,Fe}function ze(){return Fe}function Be(e,t=!1){Fe=e;for(let e of[`sessionStorage`,`localStorage`])Le(e)?.removeItem(Ne);e!==null&&Le(t?`localStorage`:`sessionStorage`)?.setItem(Ne,e);for(let t of Ie)t(e)}function Ve(e){return Ie.add(e),()=>Ie.delete(e)}function He(){return Le(`localStorage`)?.getItem(`dropbox-lite.session-id`)??null}function Ue(e){Le(`localStorage`)?.setItem(Pe,e)}var We=`/graphql`,V=class extends Error{code;constructor(e,t=null){super(e),this.code=t,this.name=`RequestError`}};function Ge(){let e=ze();return e?{Authorization:`Bearer ${e}`}:{}}function Ke(e,t){let n=e.errors?.[0];if(n){let e=n.extensions?.code??null;throw e===`UNAUTHENTICATED`&&ze()&&Be(null),new V(n.message||`The server refused the request.`,e)}if(e.data==null)throw new V(`The server answered ${t}.`);return e.data}function H(e,...[t]){return qe(e,t)}async function qe(e,t,n){let r;try{r=await fetch(We,{method:`POST`,headers:{"Content-Type":`application/json`,Accept:`application/json`,...Ge()},body:JSON.stringify({query:e.toString(),variables:t??{}}),signal:n})}catch(e){throw n?.aborted?e:new V(`Could not reach the server. Check the connection and try again.`)}let i;try{i=await r.json()}catch{throw new V(`The server answered ${r.status} without a result.`)}return Ke(i,r.status)}var Je=class extends Error{constructor(){super(`Cancelled`),this.name=`UploadCancelled`}};function Ye(e,t,n,r,i){let a=new FormData;return a.append(`operations`,JSON.stringify({query:e,variables:{...t,[n]:null}})),a.append(`map`,JSON.stringify({0:[`variables.${n}`]})),a.append(`0`,r,i),a}function Xe(e,t,n,r){let i=new XMLHttpRequest;return{promise:new Promise((a,o)=>{i.open(`POST`,We),i.setRequestHeader(`GraphQL-Require-Preflight`,`1`),i.setRequestHeader(`Accept`,`application/json`);for(let[e,t]of Object.entries(Ge()))i.setRequestHeader(e,t);i.responseType=`json`,i.upload.onprogress=e=>{e.lengthComputable&&r(e.loaded,e.total)},i.onload=()=>{let e=i.response;if(!e)o(new V(`The server answered ${i.status} without a result.`));else try{a(Ke(e,i.status))}catch(e){o(e)}},i.onerror=()=>o(new V(`The upload failed: the connection was lost.`)),i.onabort=()=>o(new Je),i.send(Ye(e.toString(),t,`file`,n,n.name))}),cancel:()=>i.abort()}}var U=class extends String{__apiType;value;__meta__;constructor(e,t){super(e),this.value=e,this.__meta__=t}toString(){return this.value}},Ze=new U(`
    fragment EntryFields on Entry {
  __typename
  id
  name
  path
  parentId
  modifiedAt
  trashed
  trashedAt
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
    `,{fragmentName:`FolderMemberFields`}),$e={"\n  fragment EntryFields on Entry {\n    __typename\n    id\n    name\n    path\n    parentId\n    modifiedAt\n    trashed\n    trashedAt\n    shared {\n      ownerUsername\n      yourRole\n      youOwn\n      folderId\n    }\n    ... on File {\n      size\n      rev\n      mimeType\n      thumbnailUrl(size: 64)\n    }\n  }\n":Ze,"\n  query Me {\n    me {\n      id\n      username\n      usage {\n        usedBytes\n        quotaBytes\n      }\n    }\n  }\n":new U(`
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
    `),"\n  mutation Signup($username: String!, $password: String!, $deviceName: String, $inviteCode: String) {\n    signup(username: $username, password: $password, deviceName: $deviceName, inviteCode: $inviteCode) {\n      __typename\n      ... on AuthPayload {\n        token\n        user {\n          id\n          username\n        }\n      }\n      ... on SignupRefusedError {\n        policy\n      }\n      ... on RateLimitedError {\n        retryAfterSeconds\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new U(`
    mutation Signup($username: String!, $password: String!, $deviceName: String, $inviteCode: String) {
  signup(
    username: $username
    password: $password
    deviceName: $deviceName
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
    `),"\n  mutation Login($username: String!, $password: String!, $deviceName: String) {\n    login(username: $username, password: $password, deviceName: $deviceName) {\n      __typename\n      ... on AuthPayload {\n        token\n        user {\n          id\n          username\n        }\n      }\n      ... on RateLimitedError {\n        retryAfterSeconds\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new U(`
    mutation Login($username: String!, $password: String!, $deviceName: String) {
  login(username: $username, password: $password, deviceName: $deviceName) {
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
}`),"\n  mutation CreateFolder($parentId: ID, $name: String!) {\n    createFolder(parentId: $parentId, name: $name) {\n      __typename\n      ... on Folder {\n        id\n        name\n        path\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new U(`
    mutation CreateFolder($parentId: ID, $name: String!) {
  createFolder(parentId: $parentId, name: $name) {
    __typename
    ... on Folder {
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
    `),"\n  mutation RenameEntry($id: ID!, $name: String!) {\n    renameEntry(id: $id, name: $name) {\n      __typename\n      ... on Entry {\n        id\n        name\n        path\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new U(`
    mutation RenameEntry($id: ID!, $name: String!) {
  renameEntry(id: $id, name: $name) {
    __typename
    ... on Entry {
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
    `),"\n  mutation MoveEntry($id: ID!, $parentId: ID!, $name: String) {\n    moveEntry(id: $id, parentId: $parentId, name: $name) {\n      __typename\n      ... on Entry {\n        id\n        path\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new U(`
    mutation MoveEntry($id: ID!, $parentId: ID!, $name: String) {
  moveEntry(id: $id, parentId: $parentId, name: $name) {
    __typename
    ... on Entry {
      id
      path
    }
    ... on Error {
      message
      code
    }
  }
}
    `),"\n  mutation CopyEntry($id: ID!, $parentId: ID!, $name: String) {\n    copyEntry(id: $id, parentId: $parentId, name: $name) {\n      __typename\n      ... on Entry {\n        id\n        path\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new U(`
    mutation CopyEntry($id: ID!, $parentId: ID!, $name: String) {
  copyEntry(id: $id, parentId: $parentId, name: $name) {
    __typename
    ... on Entry {
      id
      path
    }
    ... on Error {
      message
      code
    }
  }
}
    `),"\n  mutation DeleteEntry($id: ID!) {\n    deleteEntry(id: $id) {\n      __typename\n      ... on Entry {\n        id\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new U(`
    mutation DeleteEntry($id: ID!) {
  deleteEntry(id: $id) {
    __typename
    ... on Entry {
      id
    }
    ... on Error {
      message
      code
    }
  }
}
    `),"\n  mutation RestoreEntry($id: ID!) {\n    restoreEntry(id: $id) {\n      __typename\n      ... on Entry {\n        id\n        path\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new U(`
    mutation RestoreEntry($id: ID!) {
  restoreEntry(id: $id) {
    __typename
    ... on Entry {
      id
      path
    }
    ... on Error {
      message
      code
    }
  }
}
    `),"\n  mutation PurgeEntry($id: ID!) {\n    purgeEntry(id: $id)\n  }\n":new U(`
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
    `),"\n  query ShareLinks($entryId: ID!) {\n    shareLinks(entryId: $entryId) {\n      id\n      access\n      expiresAt\n      hasPassword\n      createdAt\n      downloadCount\n    }\n  }\n":new U(`
    query ShareLinks($entryId: ID!) {
  shareLinks(entryId: $entryId) {
    id
    access
    expiresAt
    hasPassword
    createdAt
    downloadCount
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
    `),"\n  query SharedLink($token: String!, $password: String, $path: String, $after: String) {\n    sharedLink(token: $token, password: $password, path: $path) {\n      __typename\n      ... on SharedEntry {\n        name\n        path\n        isFolder\n        size\n        modifiedAt\n        access\n        expiresAt\n        downloadUrl\n        zipUrl\n        children(first: 100, after: $after) {\n          items {\n            name\n            path\n            isFolder\n            size\n            modifiedAt\n            downloadUrl\n          }\n          cursor\n          hasMore\n        }\n      }\n      ... on RateLimitedError {\n        retryAfterSeconds\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new U(`
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
      children(first: 100, after: $after) {
        items {
          name
          path
          isFolder
          size
          modifiedAt
          downloadUrl
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
    `),"\n  mutation UploadToShareLink($token: String!, $password: String, $file: Upload!) {\n    uploadToShareLink(token: $token, password: $password, file: $file) {\n      __typename\n      ... on File {\n        name\n        path\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new U(`
    mutation UploadToShareLink($token: String!, $password: String, $file: Upload!) {
  uploadToShareLink(token: $token, password: $password, file: $file) {
    __typename
    ... on File {
      name
      path
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
    `),"\n  subscription LiveChanges($cursor: String) {\n    changes(cursor: $cursor) {\n      cursor\n      changes {\n        __typename\n      }\n    }\n  }\n":new U(`
    subscription LiveChanges($cursor: String) {
  changes(cursor: $cursor) {
    cursor
    changes {
      __typename
    }
  }
}
    `),"\n  query ZipUrl($id: ID!) {\n    entry(id: $id) {\n      ... on Folder {\n        zipUrl\n      }\n    }\n  }\n":new U(`
    query ZipUrl($id: ID!) {
  entry(id: $id) {
    ... on Folder {
      zipUrl
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
  mutation Signup($username: String!, $password: String!, $deviceName: String, $inviteCode: String) {
    signup(username: $username, password: $password, deviceName: $deviceName, inviteCode: $inviteCode) {
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
  mutation Login($username: String!, $password: String!, $deviceName: String) {
    login(username: $username, password: $password, deviceName: $deviceName) {
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
      ... on Folder {
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
`),lt=W(`
  mutation RenameEntry($id: ID!, $name: String!) {
    renameEntry(id: $id, name: $name) {
      __typename
      ... on Entry {
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
`),ut=W(`
  mutation MoveEntry($id: ID!, $parentId: ID!, $name: String) {
    moveEntry(id: $id, parentId: $parentId, name: $name) {
      __typename
      ... on Entry {
        id
        path
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
        id
        path
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
        id
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
        id
        path
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
        children(first: 100, after: $after) {
          items {
            name
            path
            isFolder
            size
            modifiedAt
            downloadUrl
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
        path
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
        __typename
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
`),zt=[`bytes`,`KiB`,`MiB`,`GiB`,`TiB`,`PiB`];function G(e){if(!Number.isFinite(e)||e<0)return``;if(e===1)return`1 byte`;let t=e,n=0;for(;t>=1024&&n<zt.length-1;)t/=1024,n+=1;return`${n===0?String(t):t<10?t.toFixed(1):Math.round(t).toString()} ${zt[n]}`}function K(e,t=new Date){let n=new Date(e);return Number.isNaN(n.getTime())?``:n.toDateString()===t.toDateString()?n.toLocaleTimeString(void 0,{hour:`2-digit`,minute:`2-digit`}):n.toLocaleDateString(void 0,{year:`numeric`,month:`short`,day:`numeric`})}function Bt(e,t){return t==null?`${G(e)} used`:`${G(e)} of ${G(t)} used`}function Vt(e){let t=Ht(e);return t.length===0?`/`:`/browse/${t.map(encodeURIComponent).join(`/`)}`}function Ht(e){return e.split(`/`).filter(e=>e.length>0)}function Ut(e){return`/${e.replace(/^\/browse\/?/,``).split(`/`).filter(e=>e.length>0).map(e=>{try{return decodeURIComponent(e)}catch{return e}}).join(`/`)}`}function Wt(e){let t=Ht(e),n=[{name:`All files`,path:`/`}];return t.forEach((e,r)=>n.push({name:e,path:`/${t.slice(0,r+1).join(`/`)}`})),n}function Gt(e){return`/${Ht(e).slice(0,-1).join(`/`)}`}function Kt(e){return`/${Ht(e.trim()).join(`/`)}`}var qt=`dropbox-lite:navigate`;function Jt(){return{pathname:window.location.pathname,search:new URLSearchParams(window.location.search)}}function Yt(e,t=!1){t?window.history.replaceState(null,``,e):window.history.pushState(null,``,e),window.dispatchEvent(new Event(qt))}function Xt(){let[e,t]=R(Jt);return z(()=>{let e=()=>t(Jt());return window.addEventListener(`popstate`,e),window.addEventListener(qt,e),()=>{window.removeEventListener(`popstate`,e),window.removeEventListener(qt,e)}},[]),e}function q(e){let t=e.currentTarget;e.button!==0||e.metaKey||e.ctrlKey||e.shiftKey||e.altKey||(e.preventDefault(),Yt(t.getAttribute(`href`)??`/`))}function Zt(){let{protocol:e,host:t}=window.location;return`${e===`https:`?`wss:`:`ws:`}//${t}/graphql`}function Qt({token:e,onChange:t}){let n=!1,r=null,i=1e3,a=0;async function o(){let a;try{a=(await H(It)).latestCursor}catch{s();return}if(n)return;let o=new WebSocket(Zt(),`graphql-transport-ws`);r=o,o.onopen=()=>o.send(JSON.stringify({type:`connection_init`,payload:{Authorization:`Bearer ${e}`}})),o.onmessage=e=>{let n;try{n=JSON.parse(e.data)}catch{return}if(n.type===`connection_ack`)i=1e3,o.send(JSON.stringify({id:`changes`,type:`subscribe`,payload:{query:Lt.toString(),variables:{cursor:a}}}));else if(n.type===`ping`)o.send(JSON.stringify({type:`pong`}));else if(n.type===`next`){let e=n.payload?.data?.changes;e&&e.changes.length>0&&t()}},o.onclose=()=>{r===o&&(r=null),s()}}function s(){n||(window.clearTimeout(a),a=window.setTimeout(()=>void o(),i),i=Math.min(i*2,3e4))}return o(),()=>{n=!0,window.clearTimeout(a),r?.close()}}var $t=Symbol.for(`pv`),en=0;Array.isArray;function J(e,n,r,i,a,o){n||={};var s,c,l=n;if(`ref`in l&&typeof e!=`function`)for(c in l={},n)c==`ref`?s=n[c]:l[c]=n[c];var u={type:e,props:l,key:r,ref:s,__k:null,__:null,__b:0,__e:null,__c:null,constructor:$t,__v:--en,__i:-1,__u:0};return(a||o)&&(u.__source=a,u.__self=o),t.vnode&&t.vnode(u),u}var tn=null;function nn(){let[e,t]=R(null);return z(()=>{tn??=H(Pt).then(e=>e.serverInfo).catch(()=>(tn=null,null));let e=!0;return tn.then(n=>e&&t(n)),()=>{e=!1}},[]),e}var rn=`dropbox-lite.known-usernames`;function an(){try{let e=JSON.parse(window.localStorage.getItem(rn)??`[]`);return Array.isArray(e)?e.filter(e=>typeof e==`string`):[]}catch{return[]}}function on(e){let t=an().filter(t=>t!==e.toLowerCase());try{window.localStorage.setItem(rn,JSON.stringify([e.toLowerCase(),...t].slice(0,20)))}catch{}}function sn(e){return an().includes(e.toLowerCase())}var cn=`This server has forgotten its accounts: it keeps everything in memory, and it was restarted. Create your account again (your files are gone too).`;function ln({info:e}){return e?.storageBackend===`memory`?J(`p`,{role:`alert`,class:`memory-banner`,children:[`This server keeps everything in memory: accounts and files are gone when it stops. Set`,` `,J(`code`,{children:`DROPBOX_LITE_MONGODB_URI`}),` to keep them.`]}):null}var un={NameTakenError:`An item with this name is already here.`,InvalidNameError:`That name is not allowed.`,InvalidMoveError:`A folder cannot go into itself.`,QuotaExceededError:`There is not enough space left in your storage.`,FileTooLargeError:`The file is larger than this server accepts.`,UsernameTakenError:`That username is taken.`,InvalidCredentialsError:`Wrong username or password.`,WrongPasswordError:`Wrong password.`,PasswordRequiredError:`This link needs a password.`,NotFoundError:`This link does not exist, has expired or was taken back.`,ConflictError:`The file changed meanwhile.`,PermissionDeniedError:`You may not change this: the folder is shared with you as a Viewer.`};function Y(e){if(e.__typename===`RateLimitedError`&&e.retryAfterSeconds!=null){let t=e.retryAfterSeconds;return`Too many attempts. Try again in ${t} second${t===1?``:`s`}.`}return e.message?e.message:un[e.__typename??``]??`That did not work.`}function X(e){return e instanceof Je?`Cancelled.`:e instanceof V?e.message:`Something went wrong. Try again.`}async function dn(e,t){try{return await navigator.clipboard.writeText(t),!0}catch{return e?.select(),document.execCommand(`copy`)}}function fn(e,t){return`pipx install ${e}/client/dropbox_lite-${t}-py3-none-any.whl`}var pn=null;function Z(e,t=`info`,n){pn?.({text:e,kind:t,at:Date.now(),action:n})}function mn(){let[e,t]=R(null);return z(()=>(pn=t,()=>{pn=null}),[]),z(()=>{if(!e||e.kind===`error`)return;let n=window.setTimeout(()=>t(null),e.action?1e4:6e3);return()=>window.clearTimeout(n)},[e]),J(`div`,{class:`notice-area`,children:[J(`p`,{role:`status`,class:`notice`,children:[e?.kind===`info`?e.text:``,e?.kind===`info`&&e.action&&J(b,{children:[` `,J(`button`,{type:`button`,class:`link-button`,onClick:()=>{e.action?.run(),t(null)},children:e.action.label})]})]}),e?.kind===`error`&&J(`p`,{role:`alert`,class:`notice notice-error`,children:[e.text,` `,J(`button`,{type:`button`,class:`link-button`,onClick:()=>t(null),children:`Dismiss`})]})]})}function hn(){let e=nn(),t=B(null);if(!e)return null;let n=fn(window.location.origin,e.version);return J(`section`,{class:`install`,"aria-labelledby":`install-title`,children:[J(`h2`,{id:`install-title`,class:`section-title`,children:`Sync a folder on a computer`}),J(`p`,{class:`muted`,children:[`Install the sync client (Python 3.11 or newer) from this server, then run`,` `,J(`code`,{children:[`dropbox-lite sync DIR --server `,window.location.origin,` --username NAME`]}),`.`]}),J(`div`,{class:`copy-line`,children:[J(`label`,{for:`install-command`,class:`visually-hidden`,children:`Install command`}),J(`input`,{ref:t,id:`install-command`,class:`mono`,readOnly:!0,value:n,onFocus:e=>e.currentTarget.select()}),J(`button`,{type:`button`,onClick:async()=>{await dn(t.current,n)?Z(`Install command copied.`):Z(`Copy failed: select the command and copy it by hand.`,`error`)},children:`Copy`})]})]})}function gn({embedded:e=!1}){let[t,n]=R(null);async function r(){try{n((await H(St)).sessions)}catch(e){Z(X(e),`error`)}}z(()=>{r()},[]);async function i(e){try{await H(Ct,{id:e.id}),Z(`Signed out ${e.deviceName??`the device`}.`),await r()}catch(e){Z(X(e),`error`)}}return J(`div`,{children:[e?J(`h2`,{class:`section-title`,children:`Devices`}):J(`div`,{class:`toolbar`,children:J(`h1`,{children:`Devices`})}),J(`p`,{class:`muted`,children:`Every device signed in to your account. Sign out the ones you do not recognize.`}),t===null?J(`p`,{class:`muted`,children:`Loading…`}):J(`table`,{class:`entries`,children:[J(`caption`,{class:`visually-hidden`,children:`Signed-in devices`}),J(`thead`,{children:J(`tr`,{children:[J(`th`,{scope:`col`,children:`Device`}),J(`th`,{scope:`col`,children:`Signed in`}),J(`th`,{scope:`col`,children:`Last used`}),J(`th`,{scope:`col`,children:J(`span`,{class:`visually-hidden`,children:`Actions`})})]})}),J(`tbody`,{children:t.map(e=>J(`tr`,{children:[J(`th`,{scope:`row`,children:[e.deviceName??`Unnamed device`,e.current&&` `,e.current&&J(`span`,{class:`badge`,children:`this device`})]}),J(`td`,{class:`muted`,children:K(e.createdAt)}),J(`td`,{class:`muted`,children:K(e.lastSeenAt)}),J(`td`,{class:`actions`,children:!e.current&&J(`button`,{type:`button`,onClick:()=>void i(e),children:`Sign out device`})})]},e.id))})]}),J(hn,{})]})}function _n(){let[e,t]=R(``),[n,r]=R(``),[i,a]=R(null),[o,s]=R(!1),[c,l]=R(!1);return J(`form`,{class:`panel account-form`,"aria-labelledby":`change-password`,onSubmit:async i=>{i.preventDefault(),l(!0),a(null),s(!1);try{let i=(await H(Ft,{currentPassword:e,newPassword:n})).changePassword;i.__typename===`User`?(s(!0),t(``),r(``)):a(Y(i))}catch(e){a(X(e))}finally{l(!1)}},children:[J(`h2`,{id:`change-password`,children:`Change password`}),J(`label`,{for:`current-password`,children:`Current password`}),J(`input`,{id:`current-password`,type:`password`,autocomplete:`current-password`,required:!0,value:e,onInput:e=>t(e.currentTarget.value)}),J(`label`,{for:`new-password`,children:`New password`}),J(`input`,{id:`new-password`,type:`password`,autocomplete:`new-password`,required:!0,minLength:8,value:n,onInput:e=>r(e.currentTarget.value)}),J(`p`,{class:`muted small`,children:`At least 8 characters. Your other devices are signed out.`}),i&&J(`p`,{role:`alert`,class:`form-error`,children:i}),o&&J(`p`,{role:`status`,class:`form-note`,children:`Your password is changed; your other devices are signed out.`}),J(`button`,{type:`submit`,class:`primary`,disabled:c,children:`Change password`})]})}function vn({username:e}){return J(`div`,{children:[J(`div`,{class:`toolbar`,children:J(`h1`,{children:`Account`})}),e&&J(`p`,{class:`muted`,children:[`Signed in as `,e,`.`]}),J(_n,{}),J(gn,{embedded:!0})]})}var yn={EDITOR:`Editor`,VIEWER:`Viewer`};function bn(e){return e.shared!=null&&e.shared.folderId===e.id}function xn(e){return bn(e)&&!e.shared?.youOwn}function Sn(e){return!e.shared||e.shared.yourRole===`EDITOR`||xn(e)}function Cn(e){return!e||e.yourRole===`EDITOR`}function wn(e){return e.__typename===`Folder`&&!e.trashed&&(!e.shared||bn(e))}function Tn(e){return e.youOwn?`Shared by you`:`Shared by ${e.ownerUsername}`}function En(e,t){let n=e.filter(e=>!e.isOwner);return n.length===0?`nobody yet`:n.map(e=>{let n=yn[e.role];return`${e.user.username} (${e.user.username===t?`you, ${n}`:n})`}).join(`, `)}function Dn(e){return e.youOwn?`You own this folder: its files count against your storage, whoever adds them.`:e.yourRole===`EDITOR`?`${e.ownerUsername} shared this folder with you as an Editor: you can add, change and delete files.`:`${e.ownerUsername} shared this folder with you as a Viewer: you can open and download files, not change them.`}var On=new Set([`0.0.0.0`,`[::]`,`::`]);function kn(e,t,n){let r;try{r=new URL(e).hostname}catch{return`${n}/s/${encodeURIComponent(t)}`}return On.has(r)?`${n}/s/${encodeURIComponent(t)}`:e}function An(e){let t=e.resumedAt??0;return{sent:Math.max(0,e.loaded-t),of:Math.max(0,e.total-t)}}function jn(e,t,n){if(e.resumedAt===null||e.resumedAt<=0)return`${n} · ${t(e.status===`done`?e.total:e.loaded)} of ${t(e.total)}`;let{sent:r,of:i}=An(e.status===`done`?{...e,loaded:e.total}:e),a=`resumed at ${t(e.resumedAt)} of ${t(e.total)}`;return e.status===`done`?`${n} · ${t(r)} sent, ${a}`:`${n} · ${t(r)} of the last ${t(i)} · ${a}`}function Mn(e){if(e.status===`done`)return 100;let{sent:t,of:n}=An(e);return n>0?Math.min(100,Math.max(0,Math.round(t/n*100))):0}var Nn=class{start;concurrency;onSettled;where;page;entries=[];nextId=1;listeners=new Set;constructor(e,t=3,n=()=>{},r=()=>null,i=typeof window>`u`?null:window){this.start=e,this.concurrency=t,this.onSettled=n,this.where=r,this.page=i}get items(){return this.entries.map(e=>e.item)}subscribe(e){return this.listeners.add(e),()=>this.listeners.delete(e)}add(e,t){for(let n of e)this.entries.push({item:{id:this.nextId++,name:n.name,loaded:0,total:n.size,status:`queued`,message:null,destination:this.where(t),resumedAt:null},file:n,target:t,cancel:null});this.pump()}cancel(e){let t=this.entries.find(t=>t.item.id===e);t&&(t.item.status===`queued`?this.update(t,{status:`cancelled`,message:`Cancelled.`}):t.item.status===`uploading`&&t.cancel?.())}clearFinished(){this.entries=this.entries.filter(e=>e.item.status===`queued`||e.item.status===`uploading`),this.emit()}update(e,t){e.item={...e.item,...t},this.emit()}emit(){let e=this.items;this.guardUnload(this.busy);for(let t of this.listeners)t(e)}get busy(){return this.entries.some(e=>e.item.status===`queued`||e.item.status===`uploading`)}guarding=!1;onBeforeUnload=e=>{e.preventDefault(),e.returnValue=``};guardUnload(e){e!==this.guarding&&this.page!==null&&(this.guarding=e,e?this.page.addEventListener(`beforeunload`,this.onBeforeUnload):this.page.removeEventListener(`beforeunload`,this.onBeforeUnload))}pump(){let e=this.entries.filter(e=>e.item.status===`uploading`).length;for(let t of this.entries){if(e>=this.concurrency)break;t.item.status===`queued`&&(e+=1,this.run(t))}this.emit()}run(e){let t=!1,n=this.start(e.file,e.target,(t,n,r)=>this.update(e,{loaded:n>0?Math.round(e.file.size*t/n):0,...r!==void 0&&{resumedAt:r}}));e.cancel=()=>{t=!0,n.cancel()},e.item={...e.item,status:`uploading`},n.promise.then(t=>t===null?this.update(e,{status:`done`,loaded:e.item.total,message:null}):this.update(e,{status:`failed`,message:t}),n=>this.update(e,t?{status:`cancelled`,message:`Cancelled.`}:{status:`failed`,message:n instanceof Error?n.message:String(n)})).finally(()=>{e.cancel=null,this.onSettled(),this.pump()})}},Pn=8388608,Fn=`/tus/`,In=33554432,Ln=[0,1e3,3e3,5e3,1e4,2e4,3e4,6e4];function Rn(e){return e>Pn}function zn(e,{parentId:t,replace:n}){return{filename:e.name,parentId:t,mode:n?`OVERWRITE`:`ADD`,autorename:n?`false`:`true`}}function Bn(e,t,n){let r=t.replace?`overwrite`:`add`;return[`dropbox-lite-tus`,e.name,e.type,e.size,e.lastModified,n,t.parentId,r].join(`-`)}function Vn(e){if(!e)return null;try{let t=JSON.parse(e);return t&&typeof t==`object`?t:null}catch{return null}}var Hn={NAME_TAKEN:`NameTakenError`,INVALID_NAME:`InvalidNameError`,QUOTA_EXCEEDED:`QuotaExceededError`,FILE_TOO_LARGE:`FileTooLargeError`,CONFLICT:`ConflictError`,PERMISSION_DENIED:`PermissionDeniedError`},Un={401:`You are signed out. Sign in again, then choose the file again to resume.`,403:`You may not change this: the folder is shared with you as a Viewer.`,404:`The folder is gone.`,507:`There is not enough space left in your storage.`},Wn=`The upload stopped: the server could not be reached. Choose the file again to resume where it stopped.`;function Gn(e,t){if(e===0)return Wn;let n=t?.errors?.[0],r=n?.extensions?.code??``;return n?.message||Hn[r]?Y({__typename:Hn[r],message:n?.message}):e===413?Y({__typename:`FileTooLargeError`}):Un[e]??`The upload failed: the server answered ${e}.`}function Kn(e,t){return e===0?!0:e===409?t?.correctOffset!=null||t?.errors?.[0]?.extensions?.code===`INCORRECT_OFFSET`:e===423||e===429||e>=500&&e!==507}function qn(e){let t=e?.originalResponse??null;return t?{status:t.getStatus(),body:Vn(t.getBody())}:{status:0,body:null}}function Jn(e,t){e===401&&t?.errors?.[0]?.extensions?.code===`UNAUTHENTICATED`&&ze()&&Be(null)}function Yn(){return new URL(Fn,window.location.href).toString()}async function Xn(e,t,n){if(t.getHeader(`X-Entry-Id`))return null;let r;try{r=await fetch(e,{method:`PATCH`,headers:{"Tus-Resumable":`1.0.0`,"Upload-Offset":String(n),"Content-Type":`application/offset+octet-stream`,...ze()?{Authorization:`Bearer ${ze()}`}:{}}})}catch{return Wn}if(r.ok&&r.headers.get(`X-Entry-Id`))return null;let i=Vn(await r.text().catch(()=>null));return Jn(r.status,i),Gn(r.status,i)}function Zn(t,n,r){let i=null,a=!1,o=null;return{promise:new Promise((s,c)=>{o=c,(async()=>{let o=await e(()=>import(`./browser-kC1Gw6nt.js`),__vite__mapDeps([0,1]));if(a)return;let c=!0,l=t.size,u=new o.Upload(t,{endpoint:Yn(),chunkSize:In,retryDelays:Ln,metadata:zn(t,n),fingerprint:e=>Promise.resolve(Bn(e,n,Yn())),storeFingerprintForResuming:!0,removeFingerprintOnSuccess:!0,onBeforeRequest:e=>{let t=ze();t&&e.setHeader(`Authorization`,`Bearer ${t}`)},onAfterResponse:(e,t)=>{if(!c||(c=!1,e.getMethod()!==`HEAD`||t.getStatus()!==200))return;let n=Number.parseInt(t.getHeader(`Upload-Offset`)??``,10);Number.isFinite(n)&&n>0&&r(n,l,n)},onShouldRetry:e=>{let{status:t,body:n}=qn(e);return Kn(t,n)},onProgress:(e,t)=>r(e,t),onError:e=>{let{status:t,body:n}=qn(e);Jn(t,n),s(Gn(t,n))},onSuccess:({lastResponse:e})=>{let t=u.url;t===null?s(null):Xn(t,e,l).then(s)}});i=u;let d=await u.findPreviousUploads();if(a)return;let f=d.sort((e,t)=>Date.parse(t.creationTime)-Date.parse(e.creationTime))[0];f&&u.resumeFromPreviousUpload(f),u.start()})().catch(e=>{a||c(e instanceof Error?e:Error(String(e)))})}),cancel:()=>{a=!0,i?.abort(!0).catch(()=>void 0),o?.(new Je)}}}function Qn(e){return(t,n,r)=>Rn(t.size)?Zn(t,n,r):e(t,n,r)}function $n(e){return Array.from(e,e=>({file:e,dir:(e.webkitRelativePath||e.name).split(`/`).slice(0,-1).join(`/`)}))}function er(e){return new Promise((t,n)=>{let r=[],i=()=>e.readEntries(e=>{e.length===0?t(r):(r.push(...e),i())},n);i()})}async function tr(e,t,n){if(e.isFile){let r=await new Promise((t,n)=>e.file(t,n));n.push({file:r,dir:t})}else if(e.isDirectory){let r=t?`${t}/${e.name}`:e.name,i=await er(e.createReader());i.length===0&&n.push({file:new File([],``),dir:r});for(let e of i)await tr(e,r,n)}}async function nr(e){if(!e)return null;let t=Array.from(e).filter(e=>e.kind===`file`).map(e=>e.webkitGetAsEntry?.()??null);if(!t.some(e=>e?.isDirectory))return null;let n=[];for(let e of t)e&&await tr(e,``,n);return n}function rr(e){let t=new Set;for(let{dir:n}of e){let e=n?n.split(`/`):[];for(let n=1;n<=e.length;n+=1)t.add(e.slice(0,n).join(`/`))}return[...t].sort((e,t)=>e.split(`/`).length-t.split(`/`).length||e.localeCompare(t))}var ir=new Intl.Collator(void 0,{numeric:!0,sensitivity:`base`});function ar(e,t){let n=t.descending?-1:1,r=(e,t)=>ir.compare(e.name,t.name);return[...e].sort((e,i)=>{let a=Number(i.__typename===`Folder`)-Number(e.__typename===`Folder`);if(a!==0)return a;let o=0;return t.key===`size`?o=(e.size??0)-(i.size??0):t.key===`modified`&&(o=Date.parse(e.modifiedAt)-Date.parse(i.modifiedAt)),n*(o||r(e,i))})}function or(e,t){return e.key===t?{key:t,descending:!e.descending}:{key:t,descending:!1}}function Q({title:e,onClose:t,children:n,wide:r}){let i=B(null),a=we();return z(()=>{let e=document.activeElement,t=i.current;return t&&!t.open&&t.showModal(),()=>{t?.close();let n=e;n?.isConnected&&typeof n.focus==`function`&&n.focus()}},[]),J(`dialog`,{ref:i,class:r?`dialog dialog-wide`:`dialog`,"aria-labelledby":a,onCancel:e=>{e.preventDefault(),t()},children:[J(`h2`,{id:a,children:e}),n]})}function sr({title:e,action:t,children:n,onConfirm:r,onClose:i}){let[a,o]=R(!1);return J(Q,{title:e,onClose:i,children:[n,J(`div`,{class:`dialog-actions`,children:[J(`button`,{type:`button`,onClick:i,autoFocus:!0,children:`Cancel`}),J(`button`,{type:`button`,class:`danger`,disabled:a,onClick:async()=>{o(!0),await r(),o(!1),i()},children:t})]})]})}function cr({kind:e,entries:t,onDone:n,onClose:r}){let i=t[0],a=t.length===1,o=t.map(e=>e.id).join(` `),[s,c]=R(Gt(i.path)),[l,u]=R(i.name),[d,f]=R([]),[p,m]=R(null),[h,g]=R(!1),_=Kt(s);z(()=>{let e=!0,t=window.setTimeout(()=>{H(ht,{path:_}).then(t=>{if(!e)return;let n=t.entry;f(n?.__typename===`Folder`?n.children.edges.map(e=>e.node).filter(e=>e.__typename===`Folder`&&!o.includes(e.id)):[])}).catch(()=>e&&f([]))},150);return()=>{e=!1,window.clearTimeout(t)}},[_,o]);async function v(){g(!0),m(null);try{let i=(await H(ht,{path:_})).entry;if(i?.__typename!==`Folder`){m(`There is no folder ${_}.`);return}let o=[],s=``;for(let n of t){let t={id:n.id,parentId:i.id,name:a&&l.trim()||null},r=e===`Move`?(await H(ut,t)).moveEntry:(await H(dt,t)).copyEntry;r.__typename===`File`||r.__typename===`Folder`?s=r.path:o.push(a?Y(r):`${n.name}: ${Y(r)}`)}let c=t.length-o.length;if(c>0){let t=a?s:`${_} (${c} item${c===1?``:`s`})`;n(e===`Move`?`Moved to ${t}.`:`Copied to ${t}.`)}o.length===0?r():m(o.join(` `))}catch(e){m(X(e))}finally{g(!1)}}return J(Q,{title:a?`${e} “${i.name}”`:`${e} ${t.length} items`,onClose:r,children:J(`form`,{onSubmit:e=>{e.preventDefault(),v()},children:[J(`label`,{for:`destination`,children:`Destination folder`}),J(`input`,{id:`destination`,value:s,onInput:e=>c(e.currentTarget.value)}),J(`div`,{class:`folder-picker`,role:`group`,"aria-label":`Folders in the destination`,children:[_!==`/`&&J(`button`,{type:`button`,class:`link-button`,onClick:()=>c(Gt(_)),children:[`↑ Up to `,Gt(_)===`/`?`All files`:Gt(_)]}),d.map(e=>J(`button`,{type:`button`,class:`link-button`,onClick:()=>c(e.path),children:[J(`span`,{class:`icon icon-folder`,"aria-hidden":`true`}),e.name]},e.id)),d.length===0&&J(`p`,{class:`muted small`,children:`No folders inside.`})]}),a&&J(b,{children:[J(`label`,{for:`entry-name`,children:`Name`}),J(`input`,{id:`entry-name`,value:l,onInput:e=>u(e.currentTarget.value)})]}),p&&J(`p`,{role:`alert`,class:`form-error`,children:p}),J(`div`,{class:`dialog-actions`,children:[J(`button`,{type:`button`,onClick:r,children:`Cancel`}),J(`button`,{type:`submit`,class:`primary`,disabled:h,children:e})]})]})})}function lr({title:e,action:t,initial:n,onSubmit:r,onClose:i}){let[a,o]=R(n),[s,c]=R(null),[l,u]=R(!1);return J(Q,{title:e,onClose:i,children:J(`form`,{onSubmit:async e=>{e.preventDefault(),u(!0);let t=await r(a);u(!1),t?c(t):i()},children:[J(`label`,{for:`entry-name`,children:`Name`}),J(`input`,{id:`entry-name`,required:!0,value:a,autoFocus:!0,onFocus:e=>{let t=e.currentTarget,n=t.value.lastIndexOf(`.`);t.setSelectionRange(0,n>0?n:t.value.length)},onInput:e=>o(e.currentTarget.value)}),s&&J(`p`,{role:`alert`,class:`form-error`,children:s}),J(`div`,{class:`dialog-actions`,children:[J(`button`,{type:`button`,onClick:i,children:`Cancel`}),J(`button`,{type:`submit`,class:`primary`,disabled:l,children:t})]})]})})}function ur(e,t){return e.__typename===`NotFoundError`?`There is no user called “${t}”.`:Y(e)}function dr({id:e,label:t,value:n,onChange:r}){return J(`select`,{id:e,"aria-label":t,value:n,onChange:e=>r(e.currentTarget.value),children:[J(`option`,{value:`EDITOR`,children:yn.EDITOR}),J(`option`,{value:`VIEWER`,children:yn.VIEWER})]})}function fr({folder:e,onClose:t,onChanged:n}){let[r,i]=R(null),[a,o]=R(null),[s,c]=R(null),[l,u]=R(``),[d,f]=R(`EDITOR`),[p,m]=R(null),[h,g]=R(null),[_,v]=R(!1),[y,x]=R(!1),S=B(null),C=B(null),w=B(null);async function T(){try{let t=await H(Dt,{id:e.id}),n=t.entry;if(!n||n.__typename!==`Folder`){g(`This folder is gone: it may have been deleted, or you were removed from it.`),c([]);return}i(t.me?.username??null),o(n.shared??null),c(n.members)}catch(e){g(X(e))}}z(()=>{T()},[e.id]);let E=s!==null&&(a===null||a.youOwn);z(()=>{E&&S.current?.focus()},[E]);let ee=B(!1);z(()=>{y?C.current?.focus():ee.current&&w.current?.focus(),ee.current=y},[y]);function D(){v(!0),g(null),m(null)}async function O(){let t=l.trim();if(!t)g(`Type the username of the person to add.`),S.current?.focus();else{D();try{let r=(await H(Ot,{folderId:e.id,username:t,role:d})).shareFolder;r.__typename===`Folder`?(c(r.members),u(``),m(`Added ${t} as ${d===`EDITOR`?`an Editor`:`a Viewer`}.`),n(!1),await T()):g(ur(r,t))}catch(e){g(X(e))}finally{v(!1),S.current?.focus()}}}async function k(t,r){D();try{let i=(await H(kt,{folderId:e.id,username:t,role:r})).updateMember;i.__typename===`Folder`?(c(i.members),m(`${t} is now ${r===`EDITOR`?`an Editor`:`a Viewer`}.`),n(!1)):(g(ur(i,t)),await T())}catch(e){g(X(e)),await T()}finally{v(!1)}}async function A(t){D();try{await H(At,{folderId:e.id,username:t}),m(`Removed ${t}: the folder is gone from their files.`),n(!1),await T()}catch(e){g(X(e))}finally{v(!1),S.current?.focus()}}async function te(){D();try{await H(jt,{folderId:e.id}),n(!0),t()}catch(e){g(X(e)),v(!1)}}return J(Q,{title:`Share “${e.name}” with people`,onClose:t,wide:!0,children:[s===null&&!h&&J(`p`,{class:`muted`,children:`Loading…`}),E&&J(`form`,{class:`member-form`,onSubmit:e=>{e.preventDefault(),O()},children:[J(`div`,{class:`member-add`,children:[J(`div`,{children:[J(`label`,{for:`member-username`,children:`Username`}),J(`input`,{id:`member-username`,ref:S,autocomplete:`off`,autocapitalize:`none`,spellcheck:!1,value:l,"aria-describedby":`member-roles`,onInput:e=>u(e.currentTarget.value)})]}),J(`div`,{children:[J(`label`,{for:`member-role`,children:`Role`}),J(dr,{id:`member-role`,value:d,onChange:f})]}),J(`button`,{type:`submit`,class:`primary`,disabled:_,children:`Add`})]}),J(`p`,{id:`member-roles`,class:`muted small`,children:`Editors can add, change and delete files in the folder; viewers can open and download them. The folder appears in their files; its files count against your storage.`})]}),!E&&a&&J(`p`,{children:Dn(a)}),p&&J(`p`,{role:`status`,class:`form-note`,children:p}),h&&J(`p`,{role:`alert`,class:`form-error`,children:h}),s!==null&&J(b,{children:[J(`h3`,{children:`Who has access`}),s.length===0?J(`p`,{class:`muted`,children:`Only you. Add someone by their username to share this folder.`}):J(`ul`,{class:`member-list`,"aria-label":`Members`,children:s.map(e=>{let t=e.user.username;return J(`li`,{"data-member":t,children:[J(`span`,{class:`member-name`,children:[t,t===r&&J(`span`,{class:`muted`,children:` (you)`})]}),e.isOwner?J(`span`,{class:`badge`,children:`Owner`}):E?J(`span`,{class:`member-actions`,children:[J(dr,{id:`member-role-${t}`,label:`Role of ${t}`,value:e.role,onChange:e=>void k(t,e)}),J(`button`,{type:`button`,class:`link-button danger-text`,title:`Remove ${t}`,disabled:_,onClick:()=>void A(t),children:`Remove`})]}):J(`span`,{class:`muted`,children:yn[e.role]})]},t)})})]}),!E&&a&&y&&J(`div`,{class:`leave-confirm`,role:`group`,"aria-label":`Leave the folder`,children:J(`p`,{children:[`“`,e.name,`” goes from your files; nothing of `,a.ownerUsername,`'s is deleted. You get it back only if `,a.ownerUsername,` adds you again.`]})}),J(`div`,{class:`dialog-actions`,children:[!E&&a&&!y&&J(`button`,{type:`button`,ref:w,class:`danger-text leave-button`,onClick:()=>x(!0),children:`Leave folder`}),!E&&a&&y&&J(b,{children:[J(`button`,{type:`button`,ref:C,onClick:()=>x(!1),children:`Stay`}),J(`button`,{type:`button`,class:`danger`,disabled:_,onClick:()=>void te(),children:`Leave folder`})]}),J(`button`,{type:`button`,onClick:t,children:`Close`})]})]})}function pr({name:e,actions:t}){let[n,r]=R(!1),i=we(),a=B(null);return z(()=>{if(!n)return;a.current?.querySelector(`.row-actions`)?.scrollIntoView?.({block:`nearest`});let e=e=>{a.current?.contains(e.target)||r(!1)},t=e=>{e.key===`Escape`&&(r(!1),a.current?.querySelector(`.row-menu-button`)?.focus())};return document.addEventListener(`pointerdown`,e),document.addEventListener(`keydown`,t),()=>{document.removeEventListener(`pointerdown`,e),document.removeEventListener(`keydown`,t)}},[n]),J(`div`,{class:n?`row-actions-wrap open`:`row-actions-wrap`,ref:a,children:[J(`button`,{type:`button`,class:`row-menu-button`,"aria-expanded":n,"aria-controls":i,"aria-label":`Actions for ${e}`,onClick:()=>r(!n),children:J(`span`,{class:`i i-more`,"aria-hidden":`true`})}),J(`div`,{class:`row-actions`,role:`group`,"aria-label":`Actions for ${e}`,id:i,children:t.map(t=>J(`button`,{type:`button`,class:t.danger?`danger-text`:void 0,title:t.title??`${t.label} ${e}`,disabled:t.disabled,onClick:()=>{r(!1),t.onClick()},children:[J(`span`,{class:`i i-${t.icon}`,"aria-hidden":`true`}),J(`span`,{class:`row-action-label`,children:t.label})]},t.label))})]})}function mr(e){if(!e)return null;let t=new Date(`${e}T23:59:59`);return Number.isNaN(t.getTime())?null:t.toISOString()}function hr(e){let t=[e.access===`EDITOR`?`view and upload`:`view only`];return e.hasPassword&&t.push(`password`),t.push(e.expiresAt?`expires ${K(e.expiresAt)}`:`no expiry`),t.push(`${e.downloadCount} download${e.downloadCount===1?``:`s`}`),t.join(` · `)}function gr({entry:e,onClose:t}){let n=e.__typename===`Folder`,[r,i]=R([]),[a,o]=R(``),[s,c]=R(``),[l,u]=R(!1),[d,f]=R(null),[p,m]=R(null),[h,g]=R(null),[_,v]=R(!1),y=new Date().toISOString().slice(0,10);async function b(){try{i((await H(yt,{entryId:e.id})).shareLinks)}catch(e){g(X(e))}}z(()=>{b()},[e.id]);async function x(){v(!0),g(null),m(null);try{let t=(await H(bt,{entryId:e.id,access:n&&l?`EDITOR`:`VIEWER`,expiresAt:mr(a),password:s||null})).createShareLink;t.__typename===`ShareLinkCreated`?(f({id:t.link.id,url:kn(t.url,t.token,window.location.origin)}),c(``),await b()):g(Y(t))}catch(e){g(X(e))}finally{v(!1)}}async function S(e){try{await H(xt,{id:e}),d?.id===e&&f(null),m(`The link was revoked: it no longer opens.`),await b()}catch(e){g(X(e))}}return J(Q,{title:`Share “${e.name}”`,onClose:t,wide:!0,children:[d?J(`div`,{class:`share-created`,children:[J(`label`,{for:`share-link`,children:`Link`}),J(`div`,{class:`inline-field`,children:[J(`input`,{id:`share-link`,readOnly:!0,value:d.url,onFocus:e=>e.currentTarget.select()}),J(`button`,{type:`button`,class:`primary`,onClick:async()=>{let e=await dn(document.getElementById(`share-link`),d.url);m(e?`Link copied.`:`Select the link and copy it.`)},children:`Copy`}),J(`button`,{type:`button`,class:`danger`,onClick:()=>void S(d.id),children:`Revoke`})]}),J(`p`,{class:`muted small`,children:`Anyone with this link can open it. It is shown only now: copy it.`})]}):J(`form`,{class:`share-form`,onSubmit:e=>{e.preventDefault(),x()},children:[J(`div`,{class:`field-row`,children:[J(`div`,{children:[J(`label`,{for:`share-expires`,children:`Expires (optional)`}),J(`input`,{id:`share-expires`,type:`date`,min:y,value:a,onInput:e=>o(e.currentTarget.value)})]}),J(`div`,{children:[J(`label`,{for:`share-password`,children:`Link password (optional)`}),J(`input`,{id:`share-password`,type:`password`,autocomplete:`new-password`,minLength:8,value:s,onInput:e=>c(e.currentTarget.value)})]})]}),n&&J(`label`,{class:`checkbox`,children:[J(`input`,{type:`checkbox`,checked:l,onChange:e=>u(e.currentTarget.checked)}),`Visitors can upload files into this folder`]}),J(`button`,{type:`submit`,class:`primary`,disabled:_,children:`Create link`})]}),p&&J(`p`,{role:`status`,class:`form-note`,children:p}),h&&J(`p`,{role:`alert`,class:`form-error`,children:h}),J(`h3`,{children:[`Links to this `,n?`folder`:`file`]}),r.length===0?J(`p`,{class:`muted`,children:`No links yet.`}):J(`ul`,{class:`link-list`,children:r.map(e=>J(`li`,{children:[J(`span`,{children:[`Created `,K(e.createdAt),` · `,hr(e)]}),J(`button`,{type:`button`,class:`link-button`,"aria-label":`Revoke link created ${new Date(e.createdAt).toLocaleString()}`,onClick:()=>void S(e.id),children:`Revoke link`})]},e.id))}),J(`div`,{class:`dialog-actions`,children:J(`button`,{type:`button`,onClick:t,children:`Close`})})]})}function _r({entry:e,readOnly:t=!1,onChanged:n,onClose:r}){let[i,a]=R(null),[o,s]=R(null),[c,l]=R(null),[u,d]=R(null);async function f(){try{let t=(await H(_t,{id:e.id})).entry;t&&`revisions`in t?(a(t.rev),s(t.revisions)):s([])}catch(e){l(X(e))}}z(()=>{f()},[e.id]);async function p(t){l(null);try{let r=(await H(vt,{fileId:e.id,rev:t})).restoreRevision;r.__typename===`File`?(d(`Revision ${t} is the current version again (now revision ${r.rev}).`),n(),await f()):l(Y(r))}catch(e){l(X(e))}}return J(Q,{title:`Versions of “${e.name}”`,onClose:r,wide:!0,children:[o===null?J(`p`,{class:`muted`,children:`Loading…`}):J(`table`,{class:`entries`,children:[J(`caption`,{class:`visually-hidden`,children:`Versions`}),J(`thead`,{children:J(`tr`,{children:[J(`th`,{scope:`col`,children:`Version`}),J(`th`,{scope:`col`,class:`num`,children:`Size`}),J(`th`,{scope:`col`,children:`Saved`}),J(`th`,{scope:`col`,children:J(`span`,{class:`visually-hidden`,children:`Actions`})})]})}),J(`tbody`,{children:o.map(e=>J(`tr`,{children:[J(`th`,{scope:`row`,children:[`Revision `,e.rev,e.rev===i&&` `,e.rev===i&&J(`span`,{class:`badge`,children:`current`})]}),J(`td`,{class:`num muted`,children:G(e.size)}),J(`td`,{class:`muted`,children:K(e.createdAt)}),J(`td`,{class:`actions`,children:[J(`a`,{class:`button-link`,href:e.downloadUrl,download:!0,children:`Download`}),e.rev!==i&&!t&&J(`button`,{type:`button`,onClick:()=>void p(e.rev),children:`Restore`})]})]},e.rev))})]}),u&&J(`p`,{role:`status`,class:`form-note`,children:u}),c&&J(`p`,{role:`alert`,class:`form-error`,children:c}),J(`div`,{class:`dialog-actions`,children:J(`button`,{type:`button`,onClick:r,children:`Close`})})]})}var $=`dropbox-lite:changed`;function vr(){window.dispatchEvent(new Event($))}async function yr(e){if(e.__typename===`Folder`){let t=(await H(Rt,{id:e.id})).entry;return t&&`zipUrl`in t?t.zipUrl:null}let t=(await H(gt,{id:e.id})).entry;return t&&`downloadUrl`in t?t.downloadUrl:null}async function br(e){try{let t=await yr(e);if(t===null){Z(`“${e.name}” is gone.`,`error`);return}let n=document.createElement(`a`);n.href=t,n.download=e.__typename===`Folder`?`${e.name}.zip`:e.name,n.rel=`noopener`,document.body.append(n),n.click(),n.remove()}catch(e){Z(X(e),`error`)}}function xr(e){let t=Ut(window.location.pathname);(t===e||t.startsWith(`${e}/`))&&Yt(`/`,!0),vr()}async function Sr(e,t){let n=[],r=[];for(let t of e)try{let e=(await H(ft,{id:t.id})).deleteEntry;e.__typename===`File`||e.__typename===`Folder`?n.push(t):r.push(`${t.name}: ${Y(e)}`)}catch(e){r.push(`${t.name}: ${X(e)}`)}n.length>0&&t(),r.length>0?Z(r.join(` `),`error`):Z(`Moved ${n.length===1?`“${n[0].name}”`:`${n.length} items`} to the trash.`,`info`,{label:`Undo`,run:()=>{(async()=>{for(let e of n)try{await H(pt,{id:e.id})}catch(e){Z(X(e),`error`)}t()})()}})}function Cr(e){let[t,n]=R(null),r=()=>n(null),i=()=>{e(),vr()},a=e=>Sr([e],i);async function o(t){try{await H(jt,{folderId:t.id}),Z(`You left “${t.name}”.`),e(),xr(t.path)}catch(e){Z(X(e),`error`)}}let s=e=>{let t=e.__typename===`File`,r=!Sn(e),i=xn(e),o=[];return o.push({label:`Download`,icon:t?`download`:`zip`,title:t?void 0:`Download ${e.name} as a zip`,onClick:()=>void br(e)}),wn(e)&&o.push({label:`People`,icon:`people`,title:`Share “${e.name}” with people`,onClick:()=>n({kind:`People`,entry:e})}),o.push({label:`Share`,icon:`link`,disabled:e.shared?.yourRole===`VIEWER`||i,onClick:()=>n({kind:`Share`,entry:e})},{label:`Rename`,icon:`rename`,disabled:r,onClick:()=>n({kind:`Rename`,entry:e})},{label:`Move`,icon:`move`,disabled:r,onClick:()=>n({kind:`Move`,entry:e})},{label:`Copy`,icon:`copy`,onClick:()=>n({kind:`Copy`,entry:e})}),t&&o.push({label:`Versions`,icon:`versions`,onClick:()=>n({kind:`Versions`,entry:e})}),o.push(i?{label:`Leave`,icon:`leave`,danger:!0,title:`Leave ${e.name}`,onClick:()=>n({kind:`Leave`,entry:e})}:{label:`Delete`,icon:`delete`,danger:!0,disabled:r,onClick:()=>void a(e)}),J(pr,{name:e.name,actions:o})},c=null;if(t?.kind===`Rename`){let e=t.entry;c=J(lr,{title:`Rename “${e.name}”`,action:`Rename`,initial:e.name,onClose:r,onSubmit:async t=>{try{let n=(await H(lt,{id:e.id,name:t.trim()})).renameEntry;return n.__typename===`File`||n.__typename===`Folder`?(Z(`Renamed to “${n.name}”.`),i(),null):Y(n)}catch(e){return X(e)}}})}else if(t?.kind===`Move`||t?.kind===`Copy`)c=J(cr,{kind:t.kind,entries:[t.entry],onClose:r,onDone:e=>{Z(e),i()}});else if(t?.kind===`Share`)c=J(gr,{entry:t.entry,onClose:r});else if(t?.kind===`Versions`)c=J(_r,{entry:t.entry,readOnly:!Sn(t.entry),onClose:r,onChanged:i});else if(t?.kind===`People`){let n=t.entry;c=J(fr,{folder:n,onClose:r,onChanged:t=>{t?(Z(`You left “${n.name}”.`),e(),xr(n.path)):i()}})}else if(t?.kind===`Leave`){let e=t.entry,n=e.shared?.ownerUsername??`its owner`;c=J(sr,{title:`Leave “${e.name}”?`,action:`Leave folder`,onClose:r,onConfirm:()=>o(e),children:J(`p`,{children:[`The folder goes from your files; nothing of `,n,`'s is deleted. You get it back only if `,n,` adds you again.`]})})}return{buttons:s,dialog:c,act:(e,t)=>n({kind:e,entry:t}),changed:i}}function wr(e){try{let t=new URL(e,window.location.href);return`${t.pathname}${t.search}`}catch{return e}}function Tr({folder:e,thumbnail:t}){return t?J(`img`,{class:`thumb`,src:wr(t),alt:``,width:28,height:28,loading:`lazy`,decoding:`async`}):J(`span`,{class:e?`icon icon-folder`:`icon icon-file`,"aria-hidden":`true`})}function Er({label:e,sortKey:t,sort:n,onSort:r,class:i}){let a=n?.key===t;return J(`th`,{scope:`col`,class:i,"aria-sort":n?a?n.descending?`descending`:`ascending`:`none`:void 0,children:r?J(`button`,{type:`button`,class:`sort-button`,onClick:()=>r(t),children:[e,J(`span`,{class:`sort-mark`,"aria-hidden":`true`,children:a?n?.descending?`▼`:`▲`:``})]}):e})}function Dr(e){let{caption:t,entries:n,showPath:r,showDeleted:i,actions:a,empty:o,onOpen:s,selection:c,sort:l,onSort:u}=e;if(n.length===0)return J(`div`,{class:`empty`,children:o});let d=c&&n.every(e=>c.selected.has(e.id));return J(`table`,{class:c?`entries selectable`:`entries`,children:[J(`caption`,{class:`visually-hidden`,children:t}),J(`thead`,{children:J(`tr`,{children:[c&&J(`td`,{class:`select`,children:J(`input`,{type:`checkbox`,"aria-label":`Select all`,checked:d,onChange:()=>c.toggleAll()})}),J(Er,{label:`Name`,sortKey:`name`,sort:l,onSort:u}),r&&J(`th`,{scope:`col`,class:`col-path`,children:`Folder`}),J(Er,{label:`Size`,sortKey:`size`,sort:l,onSort:u,class:`num col-size`}),i?J(`th`,{scope:`col`,class:`col-modified`,children:`Deleted`}):J(Er,{label:`Modified`,sortKey:`modified`,sort:l,onSort:u,class:`col-modified`}),J(`th`,{scope:`col`,class:`col-actions`,children:J(`span`,{class:`visually-hidden`,children:`Actions`})})]})}),J(`tbody`,{children:n.map(e=>{let t=e.__typename===`Folder`,n=c?.selected.has(e.id)??!1,o=i?e.trashedAt??e.modifiedAt:e.modifiedAt;return J(`tr`,{"data-entry":e.name,class:n?`selected`:void 0,children:[c&&J(`td`,{class:`select`,children:J(`input`,{type:`checkbox`,"aria-label":`Select ${e.name}`,checked:n,onClick:t=>{t.preventDefault(),c.toggle(e,t.shiftKey)}})}),J(`th`,{scope:`row`,class:`name`,children:J(`span`,{class:`name-line`,children:[J(Tr,{folder:t,thumbnail:e.__typename===`File`&&!e.trashed?e.thumbnailUrl:null}),t&&!e.trashed?J(`a`,{href:Vt(e.path),onClick:q,children:e.name}):s&&!e.trashed?J(`a`,{href:Vt(e.path),class:`file-link`,onClick:t=>{t.ctrlKey||t.metaKey||t.shiftKey||(t.preventDefault(),s(e))},children:e.name}):J(`span`,{children:e.name}),e.shared&&bn(e)&&J(b,{children:[` `,J(`span`,{class:`badge badge-shared`,title:Tn(e.shared),children:`Shared`})]})]})}),r&&J(`td`,{class:`muted col-path`,children:Gt(e.path)}),J(`td`,{class:`num muted col-size`,children:e.__typename===`File`?G(e.size):`—`}),J(`td`,{class:`muted col-modified`,children:J(`time`,{dateTime:o,children:K(o)})}),J(`td`,{class:`actions`,children:a(e)})]},e.id)})})]})}var Or=1048576,kr=new Set(`txt md markdown csv tsv log json yaml yml toml ini cfg conf xml html htm css js mjs cjs ts tsx jsx py rb go rs java kt c h cc cpp hpp cs php sh bash zsh sql graphql gql svg tex rst env gitignore dockerfile makefile`.split(` `)),Ar=new Set([`image/png`,`image/jpeg`,`image/gif`,`image/webp`,`image/avif`,`image/bmp`]);function jr(e){let t=e.lastIndexOf(`.`);return t<0?e.toLowerCase():e.slice(t+1).toLowerCase()}function Mr(e,t){let n=(t??``).toLowerCase().split(`;`)[0].trim();if(Ar.has(n))return`image`;if(n===`application/pdf`)return`pdf`;if(n.startsWith(`audio/`))return`audio`;if(n.startsWith(`video/`))return`video`;if(n.startsWith(`text/`)||n===`application/json`||n===`image/svg+xml`)return`text`;let r=jr(e);return[`png`,`jpg`,`jpeg`,`gif`,`webp`,`avif`,`bmp`].includes(r)?`image`:r===`pdf`?`pdf`:[`mp3`,`ogg`,`oga`,`wav`,`flac`,`m4a`,`opus`].includes(r)?`audio`:[`mp4`,`webm`,`ogv`,`mov`,`m4v`].includes(r)?`video`:kr.has(r)?`text`:`none`}function Nr(e,t){return new TextDecoder(`utf-8`,{fatal:!1}).decode(e,{stream:t})}function Pr({files:e,index:t,onIndex:n,onClose:r}){let i=e[t],a=Mr(i.name,i.__typename===`File`?i.mimeType:null),[o,s]=R(null);z(()=>{let e=new AbortController;return s(null),(async()=>{let t=(await qe(gt,{id:i.id},e.signal)).entry;if(!t||!(`downloadUrl`in t))throw Error(`“${i.name}” is gone.`);let n=t.downloadUrl;if(a!==`text`)return{url:n};let r=await fetch(n,{headers:{Range:`bytes=0-${Or-1}`},signal:e.signal});if(!r.ok)throw Error(`The server answered ${r.status}.`);let o=new Uint8Array(await r.arrayBuffer()).slice(0,Or),s=(i.__typename===`File`?i.size:o.length)>o.length;return{url:n,text:Nr(o,s),truncated:s}})().then(e=>s(e)).catch(t=>{e.signal.aborted||s({error:X(t)})}),()=>e.abort()},[i.id,i.name,i,a]),z(()=>{let r=r=>{if(!r.target?.closest(`audio, video`)){if(r.key===`ArrowRight`&&t<e.length-1)n(t+1);else if(r.key===`ArrowLeft`&&t>0)n(t-1);else return;r.preventDefault()}};return document.addEventListener(`keydown`,r),()=>document.removeEventListener(`keydown`,r)},[t,e.length,n]);let c;return c=o===null?J(`p`,{class:`muted`,children:`Loading…`}):`error`in o?J(`p`,{role:`alert`,class:`form-error`,children:o.error}):a===`image`?J(`img`,{class:`preview-media`,src:o.url,alt:i.name}):a===`pdf`?J(`iframe`,{class:`preview-frame`,src:`${o.url}&inline=1`,title:i.name}):a===`audio`?J(`audio`,{class:`preview-media`,src:o.url,controls:!0,"aria-label":i.name}):a===`video`?J(`video`,{class:`preview-media`,src:o.url,controls:!0,"aria-label":i.name}):a===`text`?J(b,{children:[J(`pre`,{class:`preview-text`,tabIndex:0,"aria-label":`Text of ${i.name}`,children:o.text}),o.truncated&&J(`p`,{class:`muted small`,children:`The first 1 MiB is shown: download the file for the rest.`})]}):J(`p`,{class:`muted`,children:`No preview for this kind of file. Download it to open it.`}),J(Q,{title:i.name,onClose:r,wide:!0,children:[J(`div`,{class:`preview`,children:c},i.id),J(`div`,{class:`dialog-actions preview-actions`,children:[J(`span`,{class:`muted small preview-count`,children:[e.length>1&&`${t+1} of ${e.length} · `,i.__typename===`File`&&G(i.size)]}),J(`button`,{type:`button`,"aria-label":`Previous file`,disabled:t===0,onClick:()=>n(t-1),children:`‹`}),J(`button`,{type:`button`,"aria-label":`Next file`,disabled:t>=e.length-1,onClick:()=>n(t+1),children:`›`}),J(`button`,{type:`button`,onClick:()=>void br(i),children:`Download`}),J(`button`,{type:`button`,class:`primary`,onClick:r,children:`Close`})]})]})}function Fr({shared:e}){let[t,n]=R(null),[r,i]=R(!1),[a,o]=R(0);return z(()=>{let t=!0;return H(Dt,{id:e.folderId}).then(e=>{let r=e.entry;t&&r?.__typename===`Folder`&&n({id:r.id,name:r.name,path:r.path,members:r.members,me:e.me?.username??null})}).catch(()=>t&&n(null)),()=>{t=!1}},[e.folderId,a]),z(()=>{let e=()=>o(e=>e+1);return window.addEventListener($,e),()=>window.removeEventListener($,e)},[]),J(`section`,{class:`shared-bar`,"aria-label":`Sharing`,children:[J(`div`,{children:[J(`p`,{children:[J(`span`,{class:`badge badge-shared`,children:`Shared`}),` `,Tn(e),t&&J(b,{children:[` with `,En(t.members,t.me)]})]}),J(`p`,{id:`shared-role`,class:`muted small`,children:Dn(e)})]}),t&&J(`button`,{type:`button`,onClick:()=>i(!0),title:`Share “${t.name}” with people`,children:`People`}),r&&t&&J(fr,{folder:t,onClose:()=>i(!1),onChanged:e=>{e?(Z(`You left “${t.name}”.`),xr(t.path)):vr()}})]})}var Ir={queued:`Waiting`,uploading:`Uploading`,done:`Uploaded`,failed:`Failed`,cancelled:`Cancelled`};function Lr(e){let t=t=>e.filter(e=>e.status===t).length,n=t(`done`),r=[`${n} upload${n===1?``:`s`} done`],i=t(`cancelled`);return i>0&&r.push(`${i} cancelled`),r.join(`, `)}function Rr({items:e,queue:t}){let n=e.every(e=>e.status!==`queued`&&e.status!==`uploading`),r=e.some(e=>e.status===`failed`),i=e.length>0&&n&&!r,[a,o]=R(!i);return z(()=>o(!i),[i]),e.length===0?null:J(`section`,{class:`uploads`,"aria-label":`Uploads`,children:[J(`div`,{class:`uploads-head`,children:[J(`h2`,{children:`Uploads`}),!a&&J(`span`,{class:`muted small uploads-summary`,children:Lr(e)}),J(`span`,{class:`uploads-buttons`,children:[n&&J(`button`,{type:`button`,class:`link-button`,"aria-expanded":a,"aria-controls":`upload-list`,onClick:()=>o(!a),children:a?`Hide`:`Show`}),n&&J(`button`,{type:`button`,class:`link-button`,onClick:()=>t.clearFinished(),children:`Clear`})]})]}),J(`ul`,{id:`upload-list`,hidden:!a,children:e.map(e=>{let n=Mn(e);return J(`li`,{class:`upload upload-${e.status}`,children:[J(`div`,{class:`upload-line`,children:[J(`span`,{class:`upload-name`,children:e.name}),J(`span`,{class:`muted small`,children:e.status===`failed`||e.status===`cancelled`?e.message:jn(e,G,Ir[e.status])}),(e.status===`queued`||e.status===`uploading`)&&J(`button`,{type:`button`,class:`link-button`,"aria-label":`Cancel upload of ${e.name}`,onClick:()=>t.cancel(e.id),children:`Cancel`})]}),e.destination&&J(`div`,{class:`muted small upload-where`,children:[`to `,e.destination]}),J(`progress`,{max:100,value:n,"aria-label":`Upload of ${e.name}`,children:[n,`%`]})]},e.id)})})]})}var zr=`dropbox-lite:first-listing`,Br=new Nn(Qn((e,{parentId:t,replace:n},r)=>{let i=Xe(wt,n?{parentId:t,mode:`OVERWRITE`,autorename:!1}:{parentId:t,autorename:!0},e,r);return{cancel:i.cancel,promise:i.promise.then(e=>e.uploadFile.__typename===`File`?null:Y(e.uploadFile))}}),3,vr,({path:e})=>e===`/`?`All files`:e);async function Vr(e,t,n,r=100){let i=e===`/`?(await qe(it,{first:r,after:t},n)).folder:(await qe(at,{path:e,first:r,after:t},n)).entry;return!i||i.__typename!==`Folder`?null:{path:e,folderId:i.id,shared:i.shared??null,entries:i.children.edges.map(e=>e.node),totalCount:i.children.totalCount,endCursor:i.children.pageInfo.endCursor,hasNextPage:i.children.pageInfo.hasNextPage}}function Hr({path:e}){let t=Wt(e);return J(`nav`,{"aria-label":`Breadcrumb`,class:`breadcrumb`,children:J(`ol`,{children:t.map((e,n)=>J(`li`,{children:n===t.length-1?J(`span`,{"aria-current":`page`,children:e.name}):J(`a`,{href:Vt(e.path),onClick:q,children:e.name})},e.path))})})}async function Ur(e,t){let n=new Set(t.entries.map(e=>e.name.toLowerCase())),r=[];for(let i of e)(n.has(i.name.toLowerCase())||t.hasNextPage&&(await H(Mt,{path:t.path===`/`?`/${i.name}`:`${t.path}/${i.name}`})).entry?.__typename===`File`)&&r.push(i.name);return r}async function Wr(e,t){let n=new Map([[``,e.folderId]]);for(let r of rr(t)){let t=r.lastIndexOf(`/`),i=(await H(ct,{parentId:n.get(t<0?``:r.slice(0,t))??e.folderId,name:r.slice(t+1)})).createFolder;if(i.__typename===`Folder`){n.set(r,i.id);continue}let a=(await H(Mt,{path:e.path===`/`?`/${r}`:`${e.path}/${r}`})).entry;if(a?.__typename!==`Folder`)throw Error(`${r}: ${Y(i)}`);n.set(r,a.id)}return n}var Gr=[[`/`,`Search`],[`Enter`,`Open the selected item`],[`F2`,`Rename the selected item`],[`Delete`,`Move the selected items to the trash`],[`Escape`,`Clear the selection`],[`← →`,`Previous and next file in a preview`],[`?`,`This list`]];function Kr(e){return!!e?.closest?.(`input, textarea, select, [contenteditable=true], dialog`)}function qr({path:e}){let[t,n]=R(null),[r,i]=R(!1),[a,o]=R(null),[s,c]=R(!1),[l,u]=R(!1),[d,f]=R([]),[p,m]=R({key:`name`,descending:!1}),[h,g]=R(new Set),[_,v]=R(null),[y,x]=R(null),[S,C]=R(null),[w,T]=R(!1),E=B(null),ee=B(null),D=B(null),O=B(null),k=B(null),A=B(null);A.current=t;let[te,ne]=R(0),j=Ce(()=>ne(e=>e+1),[]);z(()=>(f(Br.items),Br.subscribe(f)),[]),z(()=>{let t=A.current?.path===e;t||(D.current=null,n(null),g(new Set),v(null)),k.current?.abort();let r=new AbortController;k.current=r;let a=t&&A.current?Math.max(100,A.current.entries.length):100;return Vr(e,null,r.signal,a).then(e=>{r.signal.aborted||(i(e===null),n(e),performance.getEntriesByName(`dropbox-lite:first-listing`).length===0&&performance.mark(zr),D.current=e?.folderId??null,o(null))}).catch(e=>!r.signal.aborted&&o(X(e))),()=>r.abort()},[e,te]),z(()=>(window.addEventListener($,j),()=>window.removeEventListener($,j)),[j]);let{buttons:re,dialog:ie,act:ae,changed:oe}=Cr(j);async function M(){let e=t;if(!e?.endCursor)return;k.current?.abort();let r=new AbortController;k.current=r;try{let t=await Vr(e.path,e.endCursor,r.signal);if(r.signal.aborted||!t)return;n(e=>e&&e.path===t.path?{...t,entries:[...e.entries,...t.entries]}:e)}catch(e){r.signal.aborted||Z(X(e),`error`)}}async function se(e){let n=D.current;if(e.length===0||!n||!t)return;let r=[];try{r=await Ur(e,t)}catch{}r.length>0?x({files:e,parentId:n,path:t.path,taken:r}):Br.add(e,{parentId:n,path:t.path,replace:!1})}async function ce(e){if(t&&e.length!==0)try{let n=await Wr(t,e),r=new Map;for(let{file:i,dir:a}of e){if(!i.name)continue;let e=n.get(a)??t.folderId,o=!n.has(a)||!a?t.path:t.path===`/`?`/${a}`:`${t.path}/${a}`,s=r.get(e)??{path:o,files:[]};s.files.push(i),r.set(e,s)}for(let[e,t]of r)Br.add(t.files,{parentId:e,path:t.path,replace:!1});j()}catch(e){Z(e instanceof Error&&!(e instanceof V)?e.message:X(e),`error`)}}let N=t?ar(t.entries,p):[],P=N.filter(e=>h.has(e.id)),F=N.filter(e=>e.__typename===`File`);function le(e,t){let n=new Set(h);if(t&&O.current){let t=N.findIndex(e=>e.id===O.current),r=N.findIndex(t=>t.id===e.id);if(t>=0&&r>=0){for(let e of N.slice(Math.min(t,r),Math.max(t,r)+1))n.add(e.id);g(n);return}}n.has(e.id)?n.delete(e.id):n.add(e.id),O.current=e.id,g(n)}function ue(e){e.__typename===`Folder`?Yt(Vt(e.path)):v(F.findIndex(t=>t.id===e.id))}z(()=>{let e=e=>{if(e.defaultPrevented||e.ctrlKey||e.metaKey||e.altKey||Kr(e.target))return;let t=P.length===1?P[0]:null;if(e.key===`/`)document.getElementById(`search`)?.focus();else if(e.key===`?`)T(!0);else if(e.key===`Escape`&&P.length>0)g(new Set);else if(e.key===`Delete`&&P.length>0)g(new Set),Sr(P,oe);else if(e.key===`F2`&&t)ae(`Rename`,t);else if(e.key===`Enter`&&t&&!e.target?.closest?.(`a, button`))ue(t);else return;e.preventDefault()};return document.addEventListener(`keydown`,e),()=>document.removeEventListener(`keydown`,e)});let de=e===`/`?`All files`:e.split(`/`).pop(),I=Cn(t?.shared);return J(`div`,{class:l?`browser dropping`:`browser`,onDragOver:e=>{e.dataTransfer?.types.includes(`Files`)&&t&&(e.preventDefault(),u(!0))},onDragLeave:e=>{e.currentTarget===e.target&&u(!1)},onDrop:e=>{e.preventDefault(),u(!1);let t=Array.from(e.dataTransfer?.files??[]);nr(e.dataTransfer?.items).then(e=>e?ce(e):se(t))},children:[J(Hr,{path:e}),J(`div`,{class:`toolbar`,children:[J(`h1`,{children:de}),J(`div`,{class:`toolbar-actions`,children:[J(`label`,{for:`upload-files`,class:`visually-hidden`,children:`Upload files`}),J(`input`,{id:`upload-files`,ref:E,type:`file`,multiple:!0,class:`visually-hidden`,tabIndex:-1,disabled:!t,onChange:e=>{let t=e.currentTarget;t.files&&t.files.length>0&&se(Array.from(t.files)),t.value=``}}),J(`button`,{type:`button`,class:`primary`,disabled:!t||!I,"aria-describedby":I?void 0:`shared-role`,onClick:()=>E.current?.click(),children:[J(`span`,{class:`i i-upload`,"aria-hidden":`true`}),`Upload`]}),J(`label`,{for:`upload-folder`,class:`visually-hidden`,children:`Upload a folder`}),J(`input`,{id:`upload-folder`,ref:ee,type:`file`,class:`visually-hidden`,tabIndex:-1,disabled:!t,webkitdirectory:!0,onChange:e=>{let t=e.currentTarget;t.files&&t.files.length>0&&ce($n(t.files)),t.value=``}}),J(`button`,{type:`button`,disabled:!t||!I,"aria-describedby":I?void 0:`shared-role`,onClick:()=>ee.current?.click(),children:[J(`span`,{class:`i i-upload`,"aria-hidden":`true`}),`Upload folder`]}),J(`button`,{type:`button`,disabled:!t||!I,"aria-describedby":I?void 0:`shared-role`,onClick:()=>c(!0),children:[J(`span`,{class:`i i-folder-plus`,"aria-hidden":`true`}),`New folder`]}),J(`button`,{type:`button`,class:`shortcut-help`,"aria-label":`Keyboard shortcuts`,onClick:()=>T(!0),children:`?`})]})]}),t?.shared&&J(Fr,{shared:t.shared}),J(Rr,{items:d,queue:Br}),a&&J(`p`,{role:`alert`,class:`form-error`,children:a}),r&&J(`p`,{class:`empty`,children:[`There is no folder `,e,`. It may have been moved or deleted.`]}),P.length>0&&J(`div`,{class:`bulk-bar`,role:`region`,"aria-label":`Selection`,children:[J(`span`,{class:`bulk-count`,children:[P.length,` selected`]}),J(`div`,{class:`bulk-actions`,children:[J(`button`,{type:`button`,onClick:()=>{for(let e of P)br(e)},children:[J(`span`,{class:`i i-download`,"aria-hidden":`true`}),`Download`]}),J(`button`,{type:`button`,onClick:()=>C(`Move`),children:[J(`span`,{class:`i i-move`,"aria-hidden":`true`}),`Move`]}),J(`button`,{type:`button`,onClick:()=>C(`Copy`),children:[J(`span`,{class:`i i-copy`,"aria-hidden":`true`}),`Copy`]}),J(`button`,{type:`button`,class:`danger-text`,onClick:()=>{g(new Set),Sr(P,oe)},children:[J(`span`,{class:`i i-delete`,"aria-hidden":`true`}),`Delete`]}),J(`button`,{type:`button`,class:`link-button`,onClick:()=>g(new Set),children:`Clear`})]})]}),t&&J(b,{children:[J(Dr,{caption:`Contents of ${de}`,entries:N,actions:re,onOpen:ue,sort:p,onSort:e=>m(or(p,e)),selection:{selected:h,toggle:le,toggleAll:()=>g(P.length===N.length?new Set:new Set(N.map(e=>e.id)))},empty:J(b,{children:[J(`span`,{class:`icon icon-drop`,"aria-hidden":`true`}),J(`p`,{children:`This folder is empty.`}),J(`p`,{class:`muted`,children:I?`Drop files here, or use Upload.`:`Only its owner and editors can add files here.`})]})}),J(`p`,{class:`muted small listing-foot`,children:[t.entries.length<t.totalCount?`Showing ${t.entries.length} of ${t.totalCount} items.`:`${t.totalCount} item${t.totalCount===1?``:`s`}.`,` `,I&&J(`span`,{class:`wide-only`,children:`Drop files anywhere here to upload them.`})]}),t.hasNextPage&&J(`button`,{type:`button`,onClick:()=>void M(),children:`Load more`})]}),s&&J(lr,{title:`New folder`,action:`Create`,initial:``,onClose:()=>c(!1),onSubmit:async e=>{try{let t=(await H(ct,{parentId:D.current,name:e.trim()})).createFolder;return t.__typename===`Folder`?(Z(`Created “${t.name}”.`),j(),null):Y(t)}catch(e){return X(e)}}}),y&&J(Q,{title:y.taken.length===1?`“${y.taken[0]}” is already here`:`${y.taken.length} files are already here`,onClose:()=>x(null),children:[J(`p`,{children:`Replace keeps one file and adds your upload as its newest version (the old one stays under Versions). Keep both adds your upload under a new name.`}),J(`div`,{class:`dialog-actions`,children:[J(`button`,{type:`button`,onClick:()=>x(null),children:`Cancel`}),J(`button`,{type:`button`,onClick:()=>{Br.add(y.files,{parentId:y.parentId,path:y.path,replace:!1}),x(null)},children:`Keep both`}),J(`button`,{type:`button`,class:`primary`,autoFocus:!0,onClick:()=>{let e=new Set(y.taken),t=y.files.filter(t=>!e.has(t.name));t.length>0&&Br.add(t,{parentId:y.parentId,path:y.path,replace:!1}),Br.add(y.files.filter(t=>e.has(t.name)),{parentId:y.parentId,path:y.path,replace:!0}),x(null)},children:`Replace`})]})]}),S&&J(cr,{kind:S,entries:P,onClose:()=>C(null),onDone:e=>{Z(e),g(new Set),oe()}}),_!==null&&F[_]&&J(Pr,{files:F,index:_,onIndex:v,onClose:()=>v(null)}),w&&J(Q,{title:`Keyboard shortcuts`,onClose:()=>T(!1),children:[J(`dl`,{class:`shortcuts`,children:Gr.map(([e,t])=>J(`div`,{children:[J(`dt`,{children:J(`kbd`,{children:e})}),J(`dd`,{children:t})]},e))}),J(`div`,{class:`dialog-actions`,children:J(`button`,{type:`button`,class:`primary`,onClick:()=>T(!1),children:`Close`})})]}),ie]})}function Jr({query:e}){let[t,n]=R(null),[r,i]=R(null),[a,o]=R(0),s=()=>o(e=>e+1),{buttons:c,dialog:l}=Cr(s);return z(()=>(window.addEventListener($,s),()=>window.removeEventListener($,s)),[]),z(()=>{let t=!0;if(!e.trim())n([]);else return H(ot,{query:e.trim()}).then(e=>t&&(n(e.search),i(null))).catch(e=>t&&i(X(e))),()=>{t=!1}},[e,a]),J(`div`,{children:[J(`div`,{class:`toolbar`,children:J(`h1`,{children:[`Search results for “`,e,`”`]})}),r&&J(`p`,{role:`alert`,class:`form-error`,children:r}),t===null?J(`p`,{class:`muted`,children:`Searching…`}):J(Dr,{caption:`Search results for ${e}`,entries:t,showPath:!0,actions:c,empty:J(`p`,{children:[`No file or folder name contains “`,e,`”.`]})}),l]})}function Yr(e){return`${e}${e.includes(`?`)?`&`:`?`}dl=1`}function Xr(e,t){let n=Ht(t),r=`/s/${e}`;return n.length===0?r:`${r}?path=${encodeURIComponent(n.join(`/`))}`}function Zr({token:e,path:t}){let[n,r]=R(null),[i,a]=R(!1),[o,s]=R(null),[c,l]=R(``),[u,d]=R(null),[f,p]=R(!0),[m,h]=R([]),[g,_]=R(0),[v,y]=R(null),x=B(null),S=B(null);async function C(n){p(!0);try{let i=(await H(Tt,{token:e,password:n,path:t||null})).sharedLink;i.__typename===`SharedEntry`?(r(i),Ht(i.path).length===0&&y(i.name),a(!1),s(n),S.current=n,d(null),document.title=`${i.name||`Shared folder`} · dropbox-lite`):i.__typename===`PasswordRequiredError`||i.__typename===`WrongPasswordError`?(a(!0),r(null),d(i.__typename===`WrongPasswordError`?Y(i):null)):(r(null),a(!1),d(Y(i)))}catch(e){d(X(e))}finally{p(!1)}}z(()=>{C(o)},[e,t,g]);let w=Se(()=>new Nn((t,n,r)=>{let i=Xe(Et,{token:e,password:S.current},t,r);return{cancel:i.cancel,promise:i.promise.then(e=>e.uploadToShareLink.__typename===`File`?null:Y(e.uploadToShareLink))}},3,()=>_(e=>e+1)),[e]);z(()=>w.subscribe(h),[w]);let T=Ht(n?.path??t);return J(`div`,{class:`share-page`,children:[J(`header`,{class:`topbar`,children:[J(`span`,{class:`brand`,children:[J(`span`,{class:`brand-mark`,"aria-hidden":`true`}),` dropbox-lite`]}),J(`span`,{class:`muted`,children:`Shared with you`})]}),J(`main`,{class:`share-main`,children:[f&&!n&&!i&&!u&&J(`p`,{class:`muted`,children:`Opening the link…`}),i&&J(`form`,{class:`share-card`,onSubmit:e=>{e.preventDefault(),C(c)},children:[J(`h1`,{children:`This link is protected`}),J(`p`,{class:`muted`,children:`Enter the password you were given to open it.`}),J(`label`,{for:`share-open-password`,children:`Password`}),J(`input`,{id:`share-open-password`,type:`password`,autocomplete:`off`,required:!0,value:c,onInput:e=>l(e.currentTarget.value)}),u&&J(`p`,{role:`alert`,class:`form-error`,children:u}),J(`button`,{type:`submit`,class:`primary`,children:`Open`})]}),!i&&!n&&u&&J(`div`,{class:`share-card`,children:[J(`h1`,{children:`This link does not open`}),J(`p`,{role:`alert`,children:u})]}),n&&!n.isFolder&&J(`div`,{class:`share-card`,children:[J(Tr,{folder:!1}),J(`h1`,{children:n.name}),J(`p`,{class:`muted`,children:[G(n.size??0),` · modified `,K(n.modifiedAt),n.expiresAt&&` · link expires ${K(n.expiresAt)}`]}),n.downloadUrl&&J(`a`,{class:`button-link primary`,href:Yr(n.downloadUrl),download:n.name,children:`Download`})]}),n&&n.isFolder&&J(`div`,{class:`share-folder`,children:[J(`nav`,{"aria-label":`Breadcrumb`,class:`breadcrumb`,children:J(`ol`,{children:[{name:v??`Shared folder`,at:`/`},...T.map((e,t)=>({name:e,at:T.slice(0,t+1).join(`/`)}))].map((t,n,r)=>J(`li`,{children:n===r.length-1?J(`span`,{"aria-current":`page`,children:t.name}):J(`a`,{href:Xr(e,t.at),onClick:q,children:t.name})},t.at))})}),J(`div`,{class:`toolbar`,children:[J(`h1`,{children:n.name}),(n.zipUrl||n.access===`EDITOR`)&&J(`div`,{class:`toolbar-actions`,children:[n.zipUrl&&J(`a`,{class:`button-link`,href:n.zipUrl,download:`${n.name}.zip`,children:`Download zip`}),n.access===`EDITOR`&&J(b,{children:[J(`label`,{for:`share-upload`,class:`visually-hidden`,children:`Upload files`}),J(`input`,{id:`share-upload`,ref:x,type:`file`,multiple:!0,class:`visually-hidden`,tabIndex:-1,onChange:e=>{let t=e.currentTarget;t.files&&t.files.length>0&&w.add(Array.from(t.files),null),t.value=``}}),J(`button`,{type:`button`,class:`primary`,onClick:()=>x.current?.click(),children:`Upload`})]})]})]}),n.access===`EDITOR`&&J(`div`,{class:`dropzone`,onDragOver:e=>e.preventDefault(),onDrop:e=>{e.preventDefault();let t=e.dataTransfer?.files;t&&t.length>0&&w.add(Array.from(t),null)},children:`You can add files to this folder: drop them here or use Upload.`}),J(Rr,{items:m,queue:w}),n.children&&n.children.items.length>0?J(`table`,{class:`entries`,children:[J(`caption`,{class:`visually-hidden`,children:[`Contents of `,n.name]}),J(`thead`,{children:J(`tr`,{children:[J(`th`,{scope:`col`,children:`Name`}),J(`th`,{scope:`col`,class:`num`,children:`Size`}),J(`th`,{scope:`col`,children:`Modified`}),J(`th`,{scope:`col`,children:J(`span`,{class:`visually-hidden`,children:`Actions`})})]})}),J(`tbody`,{children:n.children.items.map(t=>J(`tr`,{"data-entry":t.name,children:[J(`th`,{scope:`row`,class:`name`,children:[J(Tr,{folder:t.isFolder}),t.isFolder?J(`a`,{href:Xr(e,t.path),onClick:q,children:t.name}):J(`span`,{children:t.name})]}),J(`td`,{class:`num muted`,children:t.isFolder?`—`:G(t.size??0)}),J(`td`,{class:`muted`,children:K(t.modifiedAt)}),J(`td`,{class:`actions`,children:t.downloadUrl&&J(`a`,{class:`button-link`,href:Yr(t.downloadUrl),download:t.name,children:`Download`})})]},t.path))})]}):J(`p`,{class:`empty`,children:`This folder is empty.`}),n.children?.hasMore&&J(`p`,{class:`muted small`,children:`Only the first 100 items are shown.`})]})]})]})}async function Qr(){let e=[],t=null;for(let n=0;n<50;n+=1){let n=(await H(it,{first:200,after:t})).folder.children;if(e.push(...n.edges.map(e=>e.node).filter(e=>xn(e))),!n.pageInfo.hasNextPage||!n.pageInfo.endCursor)break;t=n.pageInfo.endCursor}return e}function $r(){let[e,t]=R(null),[n,r]=R(null),[i,a]=R(0),o=()=>a(e=>e+1),{buttons:s,dialog:c}=Cr(o);return z(()=>(window.addEventListener($,o),()=>window.removeEventListener($,o)),[]),z(()=>{let e=!0;return Qr().then(n=>e&&(t(n),r(null))).catch(t=>e&&r(X(t))),()=>{e=!1}},[i]),J(`div`,{children:[J(`div`,{class:`toolbar`,children:J(`h1`,{children:`Shared with me`})}),n&&J(`p`,{role:`alert`,class:`form-error`,children:n}),e===null?J(`p`,{class:`muted`,children:`Loading…`}):J(Dr,{caption:`Folders shared with you`,entries:e,actions:s,empty:J(`p`,{children:`Nobody shares a folder with you yet. When someone does, it shows here and in All files.`})}),c]})}function ei(e=navigator.userAgent){return`Web app (${/Edg\//.test(e)?`Edge`:/Firefox\//.test(e)?`Firefox`:/Chrom(e|ium)\//.test(e)?`Chrome`:/Safari\//.test(e)?`Safari`:`a browser`})`}async function ti(){try{let e=(await H(St)).sessions,t=e.find(e=>e.current),n=He();n&&n!==t?.id&&e.some(e=>e.id===n)&&await H(Ct,{id:n}),t&&Ue(t.id)}catch{}}function ni({info:e}){let[t,n]=R(``),[r,i]=R(``),[a,o]=R(null),[s,c]=R(!1),[l,u]=R(null),[d,f]=R(!1);async function p(n){c(!0),o(null);try{let i={username:t.trim(),password:r,deviceName:ei()},a=n===`login`?(await H(nt,i)).login:(await H(tt,{...i,inviteCode:l?.trim()||null})).signup;if(a.__typename===`AuthPayload`){on(i.username),Be(a.token,d),ti();return}if(a.__typename===`InvalidCredentialsError`&&e?.storageBackend===`memory`&&sn(i.username)){o(cn);return}if(a.__typename===`SignupRefusedError`&&a.policy===`invite`&&l===null){u(``),o(`This server needs an invite code to create an account: enter yours below.`);return}o(Y(a))}catch(e){o(X(e))}finally{c(!1)}}return J(`main`,{class:`signin`,children:J(`div`,{class:`signin-card`,children:[J(`h1`,{class:`brand`,children:[J(`span`,{class:`brand-mark`,"aria-hidden":`true`}),` dropbox-lite`]}),J(`p`,{class:`muted`,children:`Your files, on your own server.`}),J(`form`,{onSubmit:e=>{e.preventDefault(),p(`login`)},children:[J(`label`,{for:`username`,children:`Username`}),J(`input`,{id:`username`,name:`username`,autocomplete:`username`,required:!0,value:t,onInput:e=>n(e.currentTarget.value)}),J(`label`,{for:`password`,children:`Password`}),J(`input`,{id:`password`,name:`password`,type:`password`,autocomplete:`current-password`,required:!0,value:r,onInput:e=>i(e.currentTarget.value)}),J(`label`,{class:`checkbox`,for:`stay`,children:[J(`input`,{id:`stay`,type:`checkbox`,checked:d,onChange:e=>f(e.currentTarget.checked)}),`Stay signed in`]}),l!==null&&J(b,{children:[J(`label`,{for:`invite-code`,children:`Invite code`}),J(`input`,{id:`invite-code`,name:`invite-code`,autocomplete:`off`,value:l,onInput:e=>u(e.currentTarget.value)})]}),a&&J(`p`,{role:`alert`,class:`form-error`,children:a}),J(`div`,{class:`signin-actions`,children:[J(`button`,{type:`submit`,class:`primary`,disabled:s,children:`Sign in`}),e?.signupPolicy!==`closed`&&J(`button`,{type:`button`,disabled:s,onClick:e=>{let t=e.currentTarget.form;(!t||t.reportValidity())&&p(`signup`)},children:`Create account`})]}),e?.signupPolicy===`closed`?J(`p`,{class:`muted small`,children:`This server's administrator creates its accounts.`}):J(`p`,{class:`muted small`,children:[`New here? Choose a username (3 to 32 letters, digits, `,J(`code`,{children:`.`}),` `,J(`code`,{children:`_`}),` `,J(`code`,{children:`-`}),`) and a password of at least 8 characters, then Create account.`]})]})]})})}function ri(){let[e,t]=R(null),[n,r]=R(null),[i,a]=R(!1),[o,s]=R(null),[c,l]=R(!1),[u,d]=R(0),f=()=>d(e=>e+1);async function p(e,n){try{let i=(await H(st,{first:100,after:e})).trash;t([...n,...i.edges.map(e=>e.node)]),r(i.pageInfo.endCursor),a(i.pageInfo.hasNextPage)}catch(e){Z(X(e),`error`)}}z(()=>{p(null,[])},[u]);async function m(e){try{let t=(await H(pt,{id:e.id})).restoreEntry;t.__typename===`File`||t.__typename===`Folder`?(Z(`Restored “${e.name}” to ${t.path}.`),f(),vr()):Z(Y(t),`error`)}catch(e){Z(X(e),`error`)}}return J(`div`,{children:[J(`div`,{class:`toolbar`,children:[J(`h1`,{children:`Trash`}),J(`div`,{class:`toolbar-actions`,children:J(`button`,{type:`button`,class:`danger-text`,disabled:!e||e.length===0,onClick:()=>l(!0),children:[J(`span`,{class:`i i-delete`,"aria-hidden":`true`}),`Empty trash`]})})]}),J(`p`,{class:`muted`,children:`Deleted files and folders stay here until you delete them forever. What was deleted in a folder shared with you is its owner's to delete forever.`}),e===null?J(`p`,{class:`muted`,children:`Loading…`}):J(Dr,{caption:`Trash`,entries:e,showPath:!0,showDeleted:!0,empty:J(`p`,{children:`The trash is empty.`}),actions:e=>{let t=e.shared?.ownerUsername,n=e.shared?.yourRole===`VIEWER`,r=e.shared!=null&&!e.shared.youOwn;return J(pr,{name:e.name,actions:[{label:`Restore`,icon:`restore`,disabled:n,title:n?`Only ${t} and editors restore this`:void 0,onClick:()=>void m(e)},{label:`Delete forever`,icon:`delete`,danger:!0,disabled:r,title:r?`Only ${t} deletes this forever`:void 0,onClick:()=>s(e)}]})}}),i&&e&&J(`button`,{type:`button`,onClick:()=>void p(n,e),children:`Load more`}),c&&J(sr,{title:`Empty the trash?`,action:`Empty trash`,onClose:()=>l(!1),onConfirm:async()=>{try{let e=(await H(Nt)).emptyTrash;Z(`Deleted ${e} item${e===1?``:`s`} forever.`),f(),vr()}catch(e){Z(X(e),`error`)}},children:J(`p`,{children:`Everything in the trash that is yours is deleted forever. This cannot be undone.`})}),o&&J(sr,{title:`Delete “${o.name}” forever?`,action:`Delete forever`,onClose:()=>s(null),onConfirm:async()=>{try{await H(mt,{id:o.id}),Z(`Deleted “${o.name}” forever.`),f(),vr()}catch(e){Z(X(e),`error`)}},children:J(`p`,{children:[`This cannot be undone`,o.__typename===`Folder`?`: the folder and everything in it go`:``,`.`]})})]})}function ii({me:e}){let{usedBytes:t,quotaBytes:n}=e.usage;return J(`div`,{class:`usage`,children:[J(`span`,{class:`small`,children:Bt(t,n)}),n!=null&&n>0&&J(`meter`,{min:0,max:n,value:t,"aria-label":`Storage used`})]})}function ai({me:e,children:t,query:n,info:r}){let[i,a]=R(n),{pathname:o}=Xt();z(()=>a(n),[n]);let s=e=>o===e?`page`:void 0;return J(`div`,{class:`shell`,children:[J(`header`,{class:`topbar`,children:[J(`a`,{class:`brand`,href:`/`,onClick:q,children:[J(`span`,{class:`brand-mark`,"aria-hidden":`true`}),` dropbox-lite`]}),J(`form`,{role:`search`,class:`search`,onSubmit:e=>{e.preventDefault(),i.trim()&&Yt(`/search?q=${encodeURIComponent(i.trim())}`)},children:[J(`label`,{for:`search`,class:`visually-hidden`,children:`Search`}),J(`input`,{id:`search`,type:`search`,placeholder:`Search files and folders`,value:i,onInput:e=>a(e.currentTarget.value)})]}),J(`div`,{class:`account`,children:[e&&J(`span`,{class:`username`,children:e.username}),J(`button`,{type:`button`,onClick:async()=>{try{await H(rt)}catch{}Be(null),Yt(`/`,!0)},children:`Sign out`})]})]}),J(`div`,{class:`layout`,children:[J(`nav`,{class:`sidebar`,"aria-label":`Main`,children:[J(`ul`,{children:[J(`li`,{children:J(`a`,{href:`/`,onClick:q,"aria-current":o===`/`||o.startsWith(`/browse`)?`page`:void 0,children:[J(`span`,{class:`icon icon-folder`,"aria-hidden":`true`}),`All files`]})}),J(`li`,{children:J(`a`,{href:`/shared`,onClick:q,"aria-current":s(`/shared`),children:[J(`span`,{class:`icon icon-shared`,"aria-hidden":`true`}),`Shared with me`]})}),J(`li`,{children:J(`a`,{href:`/trash`,onClick:q,"aria-current":s(`/trash`),children:[J(`span`,{class:`icon icon-trash`,"aria-hidden":`true`}),`Trash`]})}),J(`li`,{children:J(`a`,{href:`/devices`,onClick:q,"aria-current":s(`/devices`),children:[J(`span`,{class:`icon icon-device`,"aria-hidden":`true`}),`Devices`]})}),J(`li`,{children:J(`a`,{href:`/account`,onClick:q,"aria-current":s(`/account`),children:[J(`span`,{class:`i i-account`,"aria-hidden":`true`}),`Account`]})}),r?.graphiqlEnabled!==!1&&J(`li`,{children:J(`a`,{href:`/graphql`,children:[J(`span`,{class:`icon icon-code`,"aria-hidden":`true`}),`Playground`]})})]}),e&&J(ii,{me:e})]}),J(`main`,{class:`content`,children:t})]}),J(mn,{})]})}function oi(){let[e,t]=R(ze()),[n,r]=R(null),i=Xt(),a=nn();z(()=>Ve(t),[]),z(()=>{if(!e){r(null);return}let t=()=>H(et).then(e=>r(e.me)).catch(()=>void 0);t(),window.addEventListener($,t);let n=0,i=Qt({token:e,onChange:()=>{window.clearTimeout(n),n=window.setTimeout(vr,150)}});return()=>{window.removeEventListener($,t),window.clearTimeout(n),i()}},[e]);let{pathname:o,search:s}=i,c=J(ln,{info:a});if(o.startsWith(`/s/`))return J(b,{children:[c,J(Zr,{token:o.slice(3),path:s.get(`path`)??``})]});if(!e)return J(b,{children:[c,J(ni,{info:a})]});let l;return l=o===`/trash`?J(ri,{}):o===`/shared`?J($r,{}):o===`/devices`?J(gn,{}):o===`/account`?J(vn,{username:n?.username??null}):o===`/search`?J(Jr,{query:s.get(`q`)??``}):J(qr,{path:Ut(o)}),J(b,{children:[c,J(ai,{me:n,info:a,query:o===`/search`?s.get(`q`)??``:``,children:l})]})}Re();var si=document.getElementById(`app`);si&&N(J(oi,{}),si);