var e,t,n,r,i,a,o,s,c,l,u=Symbol.for(`pv`),d={},f=[],p=/^m(i|n|o|s|text|space)$/,m=Array.isArray,h=f.slice,g=Object.assign;function _(e){e&&e.parentNode&&e.remove()}function v(n,r,i,a,o){var s={type:n,props:r,key:i,ref:a,__k:null,__:null,__b:0,__e:null,__c:null,constructor:u,__v:o||++t,__i:-1,__u:0};return!o&&e.vnode&&e.vnode(s),s}function y(e){return e.children}function b(e,t){this.props=e,this.context=t,this.__g=0}function x(e,t){if(t==null)return e.__&&x(e.__,e.__i+1);for(var n;t<e.__k.length;t++)if((n=e.__k[t])&&n.__e)return n.__e;return typeof e.type!=`function`||e.props.__P?null:x(e)}function S(t){var n,r=t.__v,i=r.__e,a=[],o=[],s=t.__P;s&&((n=g({constructor:u},r)).__v=r.__v+1,e.vnode&&e.vnode(n),te(s,n,r,t.__n,s.namespaceURI,32&r.__u?[i]:null,a,i||x(r),32&r.__u,o),n.__v=r.__v,n.__.__k[n.__i]=n,N(a,n,o),r.__=r.__e=null,n.__e!=i&&C(n))}function C(e){if((e=e.__)&&e.__c&&!e.props.__P)return e.__e=null,e.__k.some(function(t){return t&&(e.__e=t.__e)}),C(e)}function w(t){(8&t.__g||(t.__g|=8,n.push(t),i++))&&r==e.debounceRendering||((r=e.debounceRendering)||queueMicrotask)(T)}function T(){try{for(var e,t=1;n.length;)n.length>t&&n.sort(a),e=n.shift(),t=n.length,8&e.__g&&S(e)}finally{(i=n.length)&&(r||queueMicrotask)(T)}}function E(e,t,n,r,i,a,o,s,c,l,u){var p,m,h,g,_,v,y=r.__k||f,b=t.length;for(c=D(n,t,y,c,b),p=0;p<b;p++)(h=n.__k[p])!=null&&(m=~h.__i&&y[h.__i]||d,h.__i=p,v=te(e,h,m,i,a,o,s,c,l,u),g=h.__e,(m.ref!=h.ref||8&m.__u)&&(m.ref&&ie(m.ref,null,h,m),h.ref&&u.push(h.ref,h.__c||g,h)),_||=g,4&h.__u?(c=O(h,c,e,!m.__v),m.__e&&(m.__e=null)):typeof h.type==`function`&&v!==void 0?c=v:g&&(c=g.nextSibling),h.__u&=-21);return n.__e=_,c}function D(e,t,n,r,i){var a,o,s,c,l,d,f,p,h,g=n.length,_=g,b=0,S=0,C=e.__k=Array(i);for(a=0;a<i;a++)(o=t[a])!=null&&typeof o!=`boolean`&&typeof o!=`function`?(typeof o!=`object`||o.constructor===String?o=C[a]=v(null,o):m(o)?o=C[a]=v(y,{children:o}):o.constructor===u&&o.__b?o=C[a]=v(o.type,o.props,o.key,o.ref,o.__v):C[a]=o,c=a+b,o.__=e,o.__b=e.__b+1,s=null,~(l=o.__i=k(o,n,c,_))&&(_--,(s=n[l])&&(s.__u|=2)),s&&s.__v?(o.__u|=16,l==c-1?b--:l==c+1?b++:l!=c&&(l>c?b--:b++,S=1)):(~l||(i>g?b--:i<g&&b++),typeof o.type!=`function`&&(o.__u|=4))):C[a]=null;if(S){for(d=[],f=[],a=0;a<i;a++)if((o=C[a])&&16&o.__u){for(b=0,p=d.length;b<p;)d[h=b+p>>1]<o.__i?b=h+1:p=h;d[b]=o.__i,f[a]=b+1}for(b=d.length;a--;)f[a]&&(f[a]==b?b--:C[a].__u|=4)}if(_)for(a=0;a<g;a++)!(s=n[a])||2&s.__u||(s.__e==r&&(r=x(s)),ae(s,s));return r}function O(e,t,n,r){var i,a,o,s;if(typeof e.type==`function`){if(e.props.__P)return t;if(i=e.__k)for(a=0;a<i.length;a++)i[a]&&(i[a].__=e,t=O(i[a],t,n,!1));return t}for(t&&!t.parentNode&&(t=x(e))&&!t.parentNode&&(t=null),o=e.__e,s=t;s&&s.nodeType==8;)s=s.nextSibling;for(o!=s&&(!r&&n.moveBefore&&o.parentNode?n.moveBefore(o,t):n.insertBefore(o,t||null)),t=o;(t&&=t.nextSibling)&&t.nodeType==8&&!t.data.startsWith(`$s`););return t}function k(e,t,n,r){var i,a=e.key,o=e.type,s=t[n],c=s&&!(2&s.__u);if(s===null&&a==null||c&&a==s.key&&o==s.type)return n;if(r>+!!c){for(i=n-1;i>=0;i--)if((s=t[i])&&!(2&s.__u)&&a==s.key&&o==s.type)return i;for(i=n+1;i<t.length;i++)if((s=t[i])&&!(2&s.__u)&&a==s.key&&o==s.type)return i}return-1}function A(e,t,n){n??=``,t[0]==`-`?e.setProperty(t,n):e[t]=n}function j(e,t,n,r,i){var a,o;if(t==`style`){if(typeof n==`string`)e.style.cssText=n;else{if(typeof r==`string`&&(e.style.cssText=r=``),r)for(t in r)n&&t in n||A(e.style,t);if(n)for(t in n)r&&n[t]==r[t]||A(e.style,t,n[t])}}else if(t[0]==`o`&&t[1]==`n`)typeof n!=`function`&&(n=null),typeof r!=`function`&&(r=null),(e.__e||={})[t]=n,n&&r||(o=l[t]||(l[t]=ee(t)),(e.__a||={})[t]=c,a=t!=(t=t.replace(s,`$1`)),(t=t.slice(2))[0]<`a`&&(t=t.toLowerCase()),n?e.addEventListener(t,o,a):e.removeEventListener(t,o,a));else{if(i==`http://www.w3.org/2000/svg`)t=t.replace(/xlink(H|:h)/,`h`).replace(/sName$/,`s`);else if(t!=`width`&&t!=`height`&&t!=`href`&&t!=`list`&&t!=`form`&&t!=`tabIndex`&&t!=`download`&&t!=`rowSpan`&&t!=`colSpan`&&t!=`role`&&t!=`popover`&&t in e)try{e[t]=n??``;return}catch{}if(typeof n==`function`)return;n==null||!1===n&&t[4]!=`-`?e.removeAttribute(t):e.setAttribute(t,t==`popover`&&n==1?``:n)}}function ee(t){return function(n){var r=this.__e;if(r){if(r=r[t],n[o]==null)n[o]=c++;else if(n[o]<this.__a[t])return;return r(e.event?e.event(n):n)}}}function te(t,n,r,i,a,o,s,c,l,d){var p,h,v,S,C,w,T,D,O,k,A,j,ee,te,N,ie,P,F,I=n.type;if(n.constructor!==u)return null;128&r.__u&&(l=32&r.__u,p=r.__c.__z)&&(n.__u|=l,h=o=[],p.nodeType==8?c=M(p,o):o.push(p),c=o[0]||c),(p=e.__b)&&p(n);n:if(typeof I==`function`){v=s.length;try{if(D=n.props,O=(p=I.prototype)&&p.render,k=(p=I.contextType)&&i[p.__c],A=p?k?k.props.value:p.__:i,(S=r.__c)?(n.__c=S,2&S.__g&&(S.__g|=1)):(O?n.__c=S=new I(D,A):(n.__c=S=new b(D,A),S.constructor=I,S.render=oe),k&&k.sub(S),S.state||(S.state={}),S.__n=i,S.__g|=8,S.__h=[],S.__k=[]),O&&(S.__s||(S.__s=S.state),I.getDerivedStateFromProps&&(S.__s==S.state&&(S.__s=g({},S.__s)),g(S.__s,I.getDerivedStateFromProps(D,S.__s)))),C=S.props,w=S.state,S.__v=n,r.__c){if(D!==C&&O&&!I.getDerivedStateFromProps&&S.componentWillReceiveProps&&S.componentWillReceiveProps(D,A),n.__v==r.__v&&!(8&S.__g)||!(4&S.__g)&&S.shouldComponentUpdate&&!1===S.shouldComponentUpdate(D,S.__s,A)){n.__v!=r.__v&&(S.props=D,S.state=S.__s,S.__g&=-9),n.__e=r.__e,n.__k=r.__k,n.__k.some(function(e){e&&(e.__=n)}),f.push.apply(S.__h,S.__k),S.__k=[],S.__h.length&&s.push(S),c=x(r);break n}S.componentWillUpdate&&S.componentWillUpdate(D,S.__s,A),O&&S.componentDidUpdate&&S.__h.push(function(){S.componentDidUpdate(C,w,T)})}else O&&!I.getDerivedStateFromProps&&S.componentWillMount&&S.componentWillMount(),O&&S.componentDidMount&&S.__h.push(S.componentDidMount);S.context=A,S.props=D,S.__P=t,S.__g&=-5,j=e.__r,ee=O?25:0;do S.__g&=-9,j&&j(n),p=S.render(S.props,S.state=S.__s,S.context);while(8&S.__g&&++ee<25);O&&(f.push.apply(S.__h,S.__k),S.__k=[]),S.state=S.__s,S.getChildContext&&(i=g({},i,S.getChildContext())),O&&r.__c&&S.getSnapshotBeforeUpdate&&(T=S.getSnapshotBeforeUpdate(C,w)),te=p&&p.type===y&&p.key==null?p.props.children:p,D.__P&&(p=c,a=(t=D.__P).namespaceURI,l=o=null,r.props&&r.props.__P!=t&&(r.__k.some(function(e){e&&ae(e,e)}),r.__k=null),c=r.__k?x(r,0):null),c=E(t,m(te)?te:[te],n,r,i,a,o,s,c,l,d),D.__P&&(n.__e=null,c=p),n.__u&=-161,h&&h.some(_),S.__h.length&&s.push(S),1&S.__g&&(S.__g&=-4)}catch(t){if(s.length=v,n.__v=null,l||o){if(t&&t.then){if(n.__u|=128|l,o){for(~(P=o.indexOf(c||void 0))||(P=o.length);(F=o[P-1])&&F.nodeType==8;)P--;for(;P<o.length;P++)if(F=o[P]){if(o[P]=null,N){if(F==ie)break}else{if(F.nodeType!=8)break;F.data.startsWith(`$s`)&&(ie=M(N=F))}}}if(!N){for(;c&&c.nodeType==8&&c.nextSibling;)c=c.nextSibling;N=c}(p=M(N=n.__c.__z||(n.__c.__z=N)))?(n.__e=N,c=p):n.__e=c,c&&=c.nextSibling}else o&&o.some(_)}else n.__e=r.__e;n.__k||=r.__k||[],t&&t.then||ne(n),e.__e(t,n,r)}}else c=n.__e=re(r.__e,n,r,i,a,o,s,l,d,t);return(p=e.diffed)&&p(n),c}function M(e,t){if(e&&e.nodeType==8&&e.data.startsWith(`$s`))for(var n=1;e=e.nextSibling;){if(e.nodeType==8){if(e.data.startsWith(`$s`))n++;else if(e.data.startsWith(`/$s`)&&!--n)return e}t&&t.push(e)}}function ne(e){e&&(e.__c&&(e.__c.__g|=4),e.__k&&e.__k.some(ne))}function N(t,n,r){for(var i=0;i<r.length;)ie(r[i++],r[i++],r[i++]);e.__c&&e.__c(n,t),t.some(function(n){try{t=n.__h,n.__h=[],t.some(function(e){e.call(n)})}catch(t){e.__e(t,n.__v)}})}function re(t,n,r,i,a,o,s,c,l,u){var f,g,v,y,b,S,C,w,T=r.props||d,D=n.props,O=n.type;if(O==`svg`?a=`http://www.w3.org/2000/svg`:O==`math`?a=`http://www.w3.org/1998/Math/MathML`:a||=`http://www.w3.org/1999/xhtml`,o){for(f=0;f<o.length;f++)if((b=o[f])&&(O?b.localName==O:b.nodeType==3)){t=b,o[f]=null;break}}if(!t){if(w=u.ownerDocument||document,!O)return w.createTextNode(D);t=w.createElementNS(a,O,D.is?D:u),c&&=(e.__m&&e.__m(n,o),!1),o=null}if(O){if(u=O==`template`&&t.content||t,o=O==`textarea`&&D.defaultValue!=null?null:o&&h.call(u.childNodes),!c&&o)for(T={},f=0;f<t.attributes.length;f++)T[(b=t.attributes[f]).name]=b.value;for(f in T)b=T[f],f==`dangerouslySetInnerHTML`?v=b:f==`children`||f in D||f==`value`&&`defaultValue`in D||f==`checked`&&`defaultChecked`in D||j(t,f,null,b,a);for(f in D)b=D[f],f==`children`?y=b:f==`dangerouslySetInnerHTML`?g=b:f==`value`?S=b:f==`checked`?C=b:c&&typeof b!=`function`||T[f]===b||j(t,f,b,T[f],a);g?(c||v&&(g.__html==v.__html||g.__html==t.innerHTML)||(t.innerHTML=g.__html),n.__k=[]):(v&&(t.textContent=``),(O==`foreignObject`||a==`http://www.w3.org/1998/Math/MathML`&&p.test(O))&&(a=`http://www.w3.org/1999/xhtml`),E(u,m(y)?y:[y],n,r,i,a,o,s,o?o[0]:r.__k&&x(r,0),c,l),o&&o.some(_)),c&&O!=`textarea`||(f=`value`,O==`progress`&&S==null?t.removeAttribute(f):S==null||S===t[f]&&(O!=`progress`||S)||j(t,f,S,T[f],a),f=`checked`,C!=null&&C!=t[f]&&j(t,f,C,T[f],a))}else T===D||c&&t.data==D||(t.data=D);return t}function ie(t,n,r,i){try{typeof t==`function`?n?n.__x=t(n)||1:(i&&=i.__c||i.__e)&&(n=i.__x)&&(i.__x=null,typeof n==`function`?n():t(null)):t.current=n}catch(t){e.__e(t,r)}}function ae(t,n,r){var i,a,o,s;if(e.unmount&&e.unmount(t),!(i=t.ref)||i.current&&i.current!=t.__e||ie(i,null,n,t),i=t.__c){if(i.componentWillUnmount)try{i.componentWillUnmount()}catch(t){e.__e(t,n)}i.__P=i.__n=null}if(i=t.__k)for(s=0;s<i.length;s++)i[s]&&ae(i[s],n,typeof t.type!=`function`||r&&!t.props.__P);!r&&(i=t.__c)&&(i=i.__z)&&(a=M(i,o=[]))&&(i==t.__e&&o.some(_),_(a),_(i)),r||_(t.__e),t.__e=t.__c=t.__=null}function oe(e,t,n){return this.constructor(e,n)}function P(t,n){var r,i,a,o;e.__&&e.__(t,n),n.nodeType==9&&(n=n.documentElement),i=(r=t&&32&t.__u)?null:n.__k,n.__k=v(y,{children:[t]}),a=[],o=[],te(n,n.__k,i||d,d,n.namespaceURI,i?null:n.firstChild?h.call(n.childNodes):null,a,i?i.__e:n.firstChild,r,o),N(a,n.__k,o),n.__k.props.children=null}e={__e:function(e,t,n,r){for(var a,o,s;t=t.__;)if((a=t.__c)&&!(1&a.__g)){a.__g|=4;try{if((s=(o=a.constructor)&&o.getDerivedStateFromError)&&a.setState(o.getDerivedStateFromError(e)),a.componentDidCatch&&(a.componentDidCatch(e,r||{}),s=1),s&&8&a.__g)return void(a.__g|=2)}catch(t){e=t}}throw i=0,e}},t=0,b.prototype.setState=function(e,t){var n=this.__s;n&&n!=this.state||(n=this.__s=g({},this.state)),typeof e==`function`&&(e=e(g({},n),this.props)),e&&(g(n,e),this.__v&&(t&&this.__k.push(t),w(this)))},b.prototype.forceUpdate=function(e){this.__v&&(this.__g|=4,e&&this.__h.push(e),w(this))},b.prototype.render=y,n=[],i=0,a=function(e,t){return e.__v.__b-t.__v.__b},o=Symbol(),s=/(PointerCapture)$|Capture$/i,c=0,l={};var F,I,se,ce,le=Object.is,ue=0,L=[],de=[],R=e,fe=R.__b,pe=R.__r,me=R.diffed,he=R.__c,ge=R.unmount,_e=R.__;function ve(e,t){R.__h&&R.__h(I,e,ue||t),ue=0;var n=I.__H||(I.__H={__:[],__h:[]});return e>=n.__.length&&n.__.push({}),n.__[e]}function z(e){return ue=1,ye(Ae,e)}function ye(e,t,n){var r=ve(F++,2);if(r.t=e,!r.__c&&(r.__=[n?n(t):Ae(void 0,t),function(e){var t=(r.__N||r.__)[0],n=r.t(t,e);le(t,n)||(r.__N=[n,r.__[1]],r.__c.setState({}))}],r.__c=I,!I.__f)){I.__f=!0;var i=I.shouldComponentUpdate;I.shouldComponentUpdate=function(e,t,n){var r=this.__H;if(!r)return!0;var a=!1,o=this.props!=e;if(r.__.some(function(e){e.__N&&(a=!0,le(e.__[0],e.__N[0])||(o=!0))}),i){var s=i.call(this,e,t,n);return a?s||o:s}return!a||o}}return r.__}function B(e,t){var n=ve(F++,3);!R.__s&&ke(n.__H,t)&&(n.__P=!0,n.__=e,n.u=t,I.__H.__h.push(n))}function V(e){return ue=5,be(function(){return{current:e}},[])}function be(e,t){var n=ve(F++,7);return ke(n.__H,t)&&(n.__=e(),n.__H=t),n.__}function xe(e,t){return ue=8,be(function(){return e},t)}function Se(){var e=ve(F++,11);if(!e.__){for(var t=I.__v;!t.__m&&t.__;)t=t.__;var n=t.__m||(t.__m=[0,0]);e.__=`P`+n[0]+`-`+n[1]++}return e.__}function Ce(){var e;do{for(;e=de.shift();)try{De(e)}catch(t){R.__e(t,{__:(e=e.__P)&&e.__v})}for(;e=L.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(De),t.__h.some(Oe),t.__h=[]}catch(n){t.__h=[],R.__e(n,e.__v)}}}while(de.length)}R.__b=function(e){I=null,fe&&fe(e)},R.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),_e&&_e(e,t)},R.__r=function(e){pe&&pe(e),F=0;var t=(I=e.__c).__H;t&&(se==I?I.__h=[]:(t.__h.some(De),t.__h.some(Oe),F=0),t.__h=[],t.__.some(function(e){e.__N&&(e.__=e.__N),e.u=e.__N=void 0})),se=I},R.diffed=function(e){me&&me(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&Ee(L.push(t)),t.__H.__.some(function(e){e.u&&(e.__H=e.u)})),se=I=null},R.__c=function(e,t){t.some(function(e){try{e.__h.some(De),e.__h=e.__h.filter(function(e){return!e.__||Oe(e)})}catch(t){e.__h=[function(){throw t}]}}),he&&he(e,t)},R.unmount=function(e){ge&&ge(e);var t,n,r=e.__c;r&&r.__H&&(r.__H.__.some(function(r){try{if(r.__P&&r.__c){if(n===void 0){for(n=e.__;n&&(!n.__c||!n.__c.__P);)n=n.__;n&&=n.__c}r.__P=n,Ee(de.push(r))}else De(r)}catch(e){t=e}}),r.__H=void 0,t&&R.__e(t,r.__v))};var we=typeof requestAnimationFrame==`function`;function Te(e){var t,n=function(){clearTimeout(r),we&&cancelAnimationFrame(t),setTimeout(e)},r=setTimeout(n,35);we&&(t=requestAnimationFrame(n))}function Ee(e){e!=1&&ce==R.requestAnimationFrame||((ce=R.requestAnimationFrame)||Te)(Ce)}function De(e){var t=I,n=e.__c;typeof n==`function`&&(e.__c=void 0,n()),I=t}function Oe(e){var t=I;e.__c=e.__(),I=t}function ke(e,t){return!e||e.length!=t.length||t.some(function(t,n){return!le(t,e[n])})}function Ae(e,t){return typeof t==`function`?t(e):t}var je=`dropbox-lite.token`,Me=`dropbox-lite.session-id`,Ne=null,Pe=new Set;function Fe(e){try{return window[e]}catch{return null}}function Ie(){return Ne=Fe(`sessionStorage`)?.getItem(`dropbox-lite.token`)??Fe(`localStorage`)?.getItem(`dropbox-lite.token`)??null,Ne}function Le(){return Ne}function Re(e,t=!1){Ne=e;for(let e of[`sessionStorage`,`localStorage`])Fe(e)?.removeItem(je);e!==null&&Fe(t?`localStorage`:`sessionStorage`)?.setItem(je,e);for(let t of Pe)t(e)}function ze(e){return Pe.add(e),()=>Pe.delete(e)}function Be(){return Fe(`localStorage`)?.getItem(`dropbox-lite.session-id`)??null}function Ve(e){Fe(`localStorage`)?.setItem(Me,e)}var He=`/graphql`,Ue=class extends Error{code;constructor(e,t=null){super(e),this.code=t,this.name=`RequestError`}};function We(){let e=Le();return e?{Authorization:`Bearer ${e}`}:{}}function Ge(e,t){let n=e.errors?.[0];if(n){let e=n.extensions?.code??null;throw e===`UNAUTHENTICATED`&&Le()&&Re(null),new Ue(n.message||`The server refused the request.`,e)}if(e.data==null)throw new Ue(`The server answered ${t}.`);return e.data}function H(e,...[t]){return Ke(e,t)}async function Ke(e,t,n){let r;try{r=await fetch(He,{method:`POST`,headers:{"Content-Type":`application/json`,Accept:`application/json`,...We()},body:JSON.stringify({query:e.toString(),variables:t??{}}),signal:n})}catch(e){throw n?.aborted?e:new Ue(`Could not reach the server. Check the connection and try again.`)}let i;try{i=await r.json()}catch{throw new Ue(`The server answered ${r.status} without a result.`)}return Ge(i,r.status)}var qe=class extends Error{constructor(){super(`Cancelled`),this.name=`UploadCancelled`}};function Je(e,t,n,r,i){let a=new FormData;return a.append(`operations`,JSON.stringify({query:e,variables:{...t,[n]:null}})),a.append(`map`,JSON.stringify({0:[`variables.${n}`]})),a.append(`0`,r,i),a}function Ye(e,t,n,r){let i=new XMLHttpRequest;return{promise:new Promise((a,o)=>{i.open(`POST`,He),i.setRequestHeader(`GraphQL-Require-Preflight`,`1`),i.setRequestHeader(`Accept`,`application/json`);for(let[e,t]of Object.entries(We()))i.setRequestHeader(e,t);i.responseType=`json`,i.upload.onprogress=e=>{e.lengthComputable&&r(e.loaded,e.total)},i.onload=()=>{let e=i.response;if(!e)o(new Ue(`The server answered ${i.status} without a result.`));else try{a(Ge(e,i.status))}catch(e){o(e)}},i.onerror=()=>o(new Ue(`The upload failed: the connection was lost.`)),i.onabort=()=>o(new qe),i.send(Je(e.toString(),t,`file`,n,n.name))}),cancel:()=>i.abort()}}var U=class extends String{__apiType;value;__meta__;constructor(e,t){super(e),this.value=e,this.__meta__=t}toString(){return this.value}},Xe=new U(`
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
    `,{fragmentName:`EntryFields`}),Ze=new U(`
    fragment FolderMemberFields on FolderMember {
  user {
    username
  }
  role
  isOwner
}
    `,{fragmentName:`FolderMemberFields`}),Qe={"\n  fragment EntryFields on Entry {\n    __typename\n    id\n    name\n    path\n    parentId\n    modifiedAt\n    trashed\n    trashedAt\n    shared {\n      ownerUsername\n      yourRole\n      youOwn\n      folderId\n    }\n    ... on File {\n      size\n      rev\n      mimeType\n      thumbnailUrl(size: 64)\n    }\n  }\n":Xe,"\n  query Me {\n    me {\n      id\n      username\n      usage {\n        usedBytes\n        quotaBytes\n      }\n    }\n  }\n":new U(`
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
    `),"\n  fragment FolderMemberFields on FolderMember {\n    user {\n      username\n    }\n    role\n    isOwner\n  }\n":Ze,"\n  query FolderMembers($id: ID!) {\n    me {\n      username\n    }\n    entry(id: $id) {\n      __typename\n      id\n      name\n      path\n      shared {\n        ownerUsername\n        yourRole\n        youOwn\n        folderId\n      }\n      ... on Folder {\n        members {\n          ...FolderMemberFields\n        }\n      }\n    }\n  }\n":new U(`
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
    `)};function W(e){return Qe[e]??{}}W(`
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
`);var $e=W(`
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
`),et=W(`
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
`),tt=W(`
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
`),nt=W(`
  mutation Logout {
    logout
  }
`),rt=W(`
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
`),it=W(`
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
`),at=W(`
  query Search($query: String!) {
    search(query: $query, first: 100) {
      ...EntryFields
    }
  }
`),ot=W(`
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
`),st=W(`
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
`),ct=W(`
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
`),lt=W(`
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
`),ut=W(`
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
`),dt=W(`
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
`),ft=W(`
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
`),pt=W(`
  mutation PurgeEntry($id: ID!) {
    purgeEntry(id: $id)
  }
`),mt=W(`
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
`),ht=W(`
  query DownloadUrl($id: ID!) {
    entry(id: $id) {
      ... on File {
        downloadUrl(expiresIn: 300)
      }
    }
  }
`),gt=W(`
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
`),_t=W(`
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
`),vt=W(`
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
`),yt=W(`
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
`),bt=W(`
  mutation RevokeShareLink($id: ID!) {
    revokeShareLink(id: $id)
  }
`),xt=W(`
  query Sessions {
    sessions {
      id
      deviceName
      createdAt
      lastSeenAt
      current
    }
  }
`),St=W(`
  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id)
  }
`),Ct=W(`
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
`),wt=W(`
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
`),Tt=W(`
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
`);var Et=W(`
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
`),Dt=W(`
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
`),Ot=W(`
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
`),kt=W(`
  mutation RemoveMember($folderId: ID!, $username: String!) {
    removeMember(folderId: $folderId, username: $username)
  }
`),At=W(`
  mutation LeaveFolder($folderId: ID!) {
    leaveFolder(folderId: $folderId)
  }
`),jt=W(`
  query EntryName($path: String!) {
    entry(path: $path) {
      __typename
      id
    }
  }
`),Mt=W(`
  mutation EmptyTrash {
    emptyTrash
  }
`),Nt=W(`
  query ServerInfo {
    serverInfo {
      version
      storageBackend
      signupPolicy
      graphiqlEnabled
    }
  }
`),Pt=W(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      __typename
      ... on Error {
        message
        code
      }
    }
  }
`),Ft=W(`
  query LatestCursor {
    latestCursor
  }
`),It=W(`
  subscription LiveChanges($cursor: String) {
    changes(cursor: $cursor) {
      cursor
      changes {
        __typename
      }
    }
  }
`),Lt=W(`
  query ZipUrl($id: ID!) {
    entry(id: $id) {
      ... on Folder {
        zipUrl
      }
    }
  }
`),Rt=[`bytes`,`KiB`,`MiB`,`GiB`,`TiB`,`PiB`];function G(e){if(!Number.isFinite(e)||e<0)return``;if(e===1)return`1 byte`;let t=e,n=0;for(;t>=1024&&n<Rt.length-1;)t/=1024,n+=1;return`${n===0?String(t):t<10?t.toFixed(1):Math.round(t).toString()} ${Rt[n]}`}function K(e,t=new Date){let n=new Date(e);return Number.isNaN(n.getTime())?``:n.toDateString()===t.toDateString()?n.toLocaleTimeString(void 0,{hour:`2-digit`,minute:`2-digit`}):n.toLocaleDateString(void 0,{year:`numeric`,month:`short`,day:`numeric`})}function zt(e,t){return t==null?`${G(e)} used`:`${G(e)} of ${G(t)} used`}function Bt(e,t){return t<=0?0:Math.min(100,Math.max(0,Math.round(e/t*100)))}function Vt(e){let t=Ht(e);return t.length===0?`/`:`/browse/${t.map(encodeURIComponent).join(`/`)}`}function Ht(e){return e.split(`/`).filter(e=>e.length>0)}function Ut(e){return`/${e.replace(/^\/browse\/?/,``).split(`/`).filter(e=>e.length>0).map(e=>{try{return decodeURIComponent(e)}catch{return e}}).join(`/`)}`}function Wt(e){let t=Ht(e),n=[{name:`All files`,path:`/`}];return t.forEach((e,r)=>n.push({name:e,path:`/${t.slice(0,r+1).join(`/`)}`})),n}function Gt(e){return`/${Ht(e).slice(0,-1).join(`/`)}`}function Kt(e){return`/${Ht(e.trim()).join(`/`)}`}var qt=`dropbox-lite:navigate`;function Jt(){return{pathname:window.location.pathname,search:new URLSearchParams(window.location.search)}}function Yt(e,t=!1){t?window.history.replaceState(null,``,e):window.history.pushState(null,``,e),window.dispatchEvent(new Event(qt))}function Xt(){let[e,t]=z(Jt);return B(()=>{let e=()=>t(Jt());return window.addEventListener(`popstate`,e),window.addEventListener(qt,e),()=>{window.removeEventListener(`popstate`,e),window.removeEventListener(qt,e)}},[]),e}function q(e){let t=e.currentTarget;e.button!==0||e.metaKey||e.ctrlKey||e.shiftKey||e.altKey||(e.preventDefault(),Yt(t.getAttribute(`href`)??`/`))}function Zt(){let{protocol:e,host:t}=window.location;return`${e===`https:`?`wss:`:`ws:`}//${t}/graphql`}function Qt({token:e,onChange:t}){let n=!1,r=null,i=1e3,a=0;async function o(){let a;try{a=(await H(Ft)).latestCursor}catch{s();return}if(n)return;let o=new WebSocket(Zt(),`graphql-transport-ws`);r=o,o.onopen=()=>o.send(JSON.stringify({type:`connection_init`,payload:{Authorization:`Bearer ${e}`}})),o.onmessage=e=>{let n;try{n=JSON.parse(e.data)}catch{return}if(n.type===`connection_ack`)i=1e3,o.send(JSON.stringify({id:`changes`,type:`subscribe`,payload:{query:It.toString(),variables:{cursor:a}}}));else if(n.type===`ping`)o.send(JSON.stringify({type:`pong`}));else if(n.type===`next`){let e=n.payload?.data?.changes;e&&e.changes.length>0&&t()}},o.onclose=()=>{r===o&&(r=null),s()}}function s(){n||(window.clearTimeout(a),a=window.setTimeout(()=>void o(),i),i=Math.min(i*2,3e4))}return o(),()=>{n=!0,window.clearTimeout(a),r?.close()}}var $t=Symbol.for(`pv`),en=0;Array.isArray;function J(t,n,r,i,a,o){n||={};var s,c,l=n;if(`ref`in l&&typeof t!=`function`)for(c in l={},n)c==`ref`?s=n[c]:l[c]=n[c];var u={type:t,props:l,key:r,ref:s,__k:null,__:null,__b:0,__e:null,__c:null,constructor:$t,__v:--en,__i:-1,__u:0};return(a||o)&&(u.__source=a,u.__self=o),e.vnode&&e.vnode(u),u}var tn=null;function nn(){let[e,t]=z(null);return B(()=>{tn??=H(Nt).then(e=>e.serverInfo).catch(()=>(tn=null,null));let e=!0;return tn.then(n=>e&&t(n)),()=>{e=!1}},[]),e}var rn=`dropbox-lite.known-usernames`;function an(){try{let e=JSON.parse(window.localStorage.getItem(rn)??`[]`);return Array.isArray(e)?e.filter(e=>typeof e==`string`):[]}catch{return[]}}function on(e){let t=an().filter(t=>t!==e.toLowerCase());try{window.localStorage.setItem(rn,JSON.stringify([e.toLowerCase(),...t].slice(0,20)))}catch{}}function sn(e){return an().includes(e.toLowerCase())}var cn=`This server has forgotten its accounts: it keeps everything in memory, and it was restarted. Create your account again (your files are gone too).`;function ln({info:e}){return e?.storageBackend===`memory`?J(`p`,{role:`alert`,class:`memory-banner`,children:[`This server keeps everything in memory: accounts and files are gone when it stops. Set`,` `,J(`code`,{children:`DROPBOX_LITE_MONGODB_URI`}),` to keep them.`]}):null}var un={NameTakenError:`An item with this name is already here.`,InvalidNameError:`That name is not allowed.`,InvalidMoveError:`A folder cannot go into itself.`,QuotaExceededError:`There is not enough space left in your storage.`,FileTooLargeError:`The file is larger than this server accepts.`,UsernameTakenError:`That username is taken.`,InvalidCredentialsError:`Wrong username or password.`,WrongPasswordError:`Wrong password.`,PasswordRequiredError:`This link needs a password.`,NotFoundError:`This link does not exist, has expired or was taken back.`,ConflictError:`The file changed meanwhile.`,PermissionDeniedError:`You may not change this: the folder is shared with you as a Viewer.`};function Y(e){if(e.__typename===`RateLimitedError`&&e.retryAfterSeconds!=null){let t=e.retryAfterSeconds;return`Too many attempts. Try again in ${t} second${t===1?``:`s`}.`}return e.message?e.message:un[e.__typename??``]??`That did not work.`}function X(e){return e instanceof qe?`Cancelled.`:e instanceof Ue?e.message:`Something went wrong. Try again.`}async function dn(e,t){try{return await navigator.clipboard.writeText(t),!0}catch{return e?.select(),document.execCommand(`copy`)}}function fn(e,t){return`pipx install ${e}/client/dropbox_lite-${t}-py3-none-any.whl`}var pn=null;function Z(e,t=`info`,n){pn?.({text:e,kind:t,at:Date.now(),action:n})}function mn(){let[e,t]=z(null);return B(()=>(pn=t,()=>{pn=null}),[]),B(()=>{if(!e||e.kind===`error`)return;let n=window.setTimeout(()=>t(null),e.action?1e4:6e3);return()=>window.clearTimeout(n)},[e]),J(`div`,{class:`notice-area`,children:[J(`p`,{role:`status`,class:`notice`,children:[e?.kind===`info`?e.text:``,e?.kind===`info`&&e.action&&J(y,{children:[` `,J(`button`,{type:`button`,class:`link-button`,onClick:()=>{e.action?.run(),t(null)},children:e.action.label})]})]}),e?.kind===`error`&&J(`p`,{role:`alert`,class:`notice notice-error`,children:[e.text,` `,J(`button`,{type:`button`,class:`link-button`,onClick:()=>t(null),children:`Dismiss`})]})]})}function hn(){let e=nn(),t=V(null);if(!e)return null;let n=fn(window.location.origin,e.version);return J(`section`,{class:`install`,"aria-labelledby":`install-title`,children:[J(`h2`,{id:`install-title`,class:`section-title`,children:`Sync a folder on a computer`}),J(`p`,{class:`muted`,children:[`Install the sync client (Python 3.11 or newer) from this server, then run`,` `,J(`code`,{children:[`dropbox-lite sync DIR --server `,window.location.origin,` --username NAME`]}),`.`]}),J(`div`,{class:`copy-line`,children:[J(`label`,{for:`install-command`,class:`visually-hidden`,children:`Install command`}),J(`input`,{ref:t,id:`install-command`,class:`mono`,readOnly:!0,value:n,onFocus:e=>e.currentTarget.select()}),J(`button`,{type:`button`,onClick:async()=>{await dn(t.current,n)?Z(`Install command copied.`):Z(`Copy failed: select the command and copy it by hand.`,`error`)},children:`Copy`})]})]})}function gn({embedded:e=!1}){let[t,n]=z(null);async function r(){try{n((await H(xt)).sessions)}catch(e){Z(X(e),`error`)}}B(()=>{r()},[]);async function i(e){try{await H(St,{id:e.id}),Z(`Signed out ${e.deviceName??`the device`}.`),await r()}catch(e){Z(X(e),`error`)}}return J(`div`,{children:[e?J(`h2`,{class:`section-title`,children:`Devices`}):J(`div`,{class:`toolbar`,children:J(`h1`,{children:`Devices`})}),J(`p`,{class:`muted`,children:`Every device signed in to your account. Sign out the ones you do not recognize.`}),t===null?J(`p`,{class:`muted`,children:`Loading…`}):J(`table`,{class:`entries`,children:[J(`caption`,{class:`visually-hidden`,children:`Signed-in devices`}),J(`thead`,{children:J(`tr`,{children:[J(`th`,{scope:`col`,children:`Device`}),J(`th`,{scope:`col`,children:`Signed in`}),J(`th`,{scope:`col`,children:`Last used`}),J(`th`,{scope:`col`,children:J(`span`,{class:`visually-hidden`,children:`Actions`})})]})}),J(`tbody`,{children:t.map(e=>J(`tr`,{children:[J(`th`,{scope:`row`,children:[e.deviceName??`Unnamed device`,e.current&&` `,e.current&&J(`span`,{class:`badge`,children:`this device`})]}),J(`td`,{class:`muted`,children:K(e.createdAt)}),J(`td`,{class:`muted`,children:K(e.lastSeenAt)}),J(`td`,{class:`actions`,children:!e.current&&J(`button`,{type:`button`,onClick:()=>void i(e),children:`Sign out device`})})]},e.id))})]}),J(hn,{})]})}function _n(){let[e,t]=z(``),[n,r]=z(``),[i,a]=z(null),[o,s]=z(!1),[c,l]=z(!1);return J(`form`,{class:`panel account-form`,"aria-labelledby":`change-password`,onSubmit:async i=>{i.preventDefault(),l(!0),a(null),s(!1);try{let i=(await H(Pt,{currentPassword:e,newPassword:n})).changePassword;i.__typename===`User`?(s(!0),t(``),r(``)):a(Y(i))}catch(e){a(X(e))}finally{l(!1)}},children:[J(`h2`,{id:`change-password`,children:`Change password`}),J(`label`,{for:`current-password`,children:`Current password`}),J(`input`,{id:`current-password`,type:`password`,autocomplete:`current-password`,required:!0,value:e,onInput:e=>t(e.currentTarget.value)}),J(`label`,{for:`new-password`,children:`New password`}),J(`input`,{id:`new-password`,type:`password`,autocomplete:`new-password`,required:!0,minLength:8,value:n,onInput:e=>r(e.currentTarget.value)}),J(`p`,{class:`muted small`,children:`At least 8 characters. Your other devices are signed out.`}),i&&J(`p`,{role:`alert`,class:`form-error`,children:i}),o&&J(`p`,{role:`status`,class:`form-note`,children:`Your password is changed; your other devices are signed out.`}),J(`button`,{type:`submit`,class:`primary`,disabled:c,children:`Change password`})]})}function vn({username:e}){return J(`div`,{children:[J(`div`,{class:`toolbar`,children:J(`h1`,{children:`Account`})}),e&&J(`p`,{class:`muted`,children:[`Signed in as `,e,`.`]}),J(_n,{}),J(gn,{embedded:!0})]})}var yn={EDITOR:`Editor`,VIEWER:`Viewer`};function bn(e){return e.shared!=null&&e.shared.folderId===e.id}function xn(e){return bn(e)&&!e.shared?.youOwn}function Sn(e){return!e.shared||e.shared.yourRole===`EDITOR`||xn(e)}function Cn(e){return!e||e.yourRole===`EDITOR`}function wn(e){return e.__typename===`Folder`&&!e.trashed&&(!e.shared||bn(e))}function Tn(e){return e.youOwn?`Shared by you`:`Shared by ${e.ownerUsername}`}function En(e,t){let n=e.filter(e=>!e.isOwner);return n.length===0?`nobody yet`:n.map(e=>{let n=yn[e.role];return`${e.user.username} (${e.user.username===t?`you, ${n}`:n})`}).join(`, `)}function Dn(e){return e.youOwn?`You own this folder: its files count against your storage, whoever adds them.`:e.yourRole===`EDITOR`?`${e.ownerUsername} shared this folder with you as an Editor: you can add, change and delete files.`:`${e.ownerUsername} shared this folder with you as a Viewer: you can open and download files, not change them.`}var On=new Set([`0.0.0.0`,`[::]`,`::`]);function kn(e,t,n){let r;try{r=new URL(e).hostname}catch{return`${n}/s/${encodeURIComponent(t)}`}return On.has(r)?`${n}/s/${encodeURIComponent(t)}`:e}var An=class{start;concurrency;onSettled;where;entries=[];nextId=1;listeners=new Set;constructor(e,t=3,n=()=>{},r=()=>null){this.start=e,this.concurrency=t,this.onSettled=n,this.where=r}get items(){return this.entries.map(e=>e.item)}subscribe(e){return this.listeners.add(e),()=>this.listeners.delete(e)}add(e,t){for(let n of e)this.entries.push({item:{id:this.nextId++,name:n.name,loaded:0,total:n.size,status:`queued`,message:null,destination:this.where(t)},file:n,target:t,cancel:null});this.pump()}cancel(e){let t=this.entries.find(t=>t.item.id===e);t&&(t.item.status===`queued`?this.update(t,{status:`cancelled`,message:`Cancelled.`}):t.item.status===`uploading`&&t.cancel?.())}clearFinished(){this.entries=this.entries.filter(e=>e.item.status===`queued`||e.item.status===`uploading`),this.emit()}update(e,t){e.item={...e.item,...t},this.emit()}emit(){let e=this.items;for(let t of this.listeners)t(e)}pump(){let e=this.entries.filter(e=>e.item.status===`uploading`).length;for(let t of this.entries){if(e>=this.concurrency)break;t.item.status===`queued`&&(e+=1,this.run(t))}this.emit()}run(e){let t=!1,n=this.start(e.file,e.target,(t,n)=>this.update(e,{loaded:n>0?Math.round(e.file.size*t/n):0}));e.cancel=()=>{t=!0,n.cancel()},e.item={...e.item,status:`uploading`},n.promise.then(t=>t===null?this.update(e,{status:`done`,loaded:e.item.total,message:null}):this.update(e,{status:`failed`,message:t}),n=>this.update(e,t?{status:`cancelled`,message:`Cancelled.`}:{status:`failed`,message:n instanceof Error?n.message:String(n)})).finally(()=>{e.cancel=null,this.onSettled(),this.pump()})}};function jn(e){return Array.from(e,e=>({file:e,dir:(e.webkitRelativePath||e.name).split(`/`).slice(0,-1).join(`/`)}))}function Mn(e){return new Promise((t,n)=>{let r=[],i=()=>e.readEntries(e=>{e.length===0?t(r):(r.push(...e),i())},n);i()})}async function Nn(e,t,n){if(e.isFile){let r=await new Promise((t,n)=>e.file(t,n));n.push({file:r,dir:t})}else if(e.isDirectory){let r=t?`${t}/${e.name}`:e.name,i=await Mn(e.createReader());i.length===0&&n.push({file:new File([],``),dir:r});for(let e of i)await Nn(e,r,n)}}async function Pn(e){if(!e)return null;let t=Array.from(e).filter(e=>e.kind===`file`).map(e=>e.webkitGetAsEntry?.()??null);if(!t.some(e=>e?.isDirectory))return null;let n=[];for(let e of t)e&&await Nn(e,``,n);return n}function Fn(e){let t=new Set;for(let{dir:n}of e){let e=n?n.split(`/`):[];for(let n=1;n<=e.length;n+=1)t.add(e.slice(0,n).join(`/`))}return[...t].sort((e,t)=>e.split(`/`).length-t.split(`/`).length||e.localeCompare(t))}var In=new Intl.Collator(void 0,{numeric:!0,sensitivity:`base`});function Ln(e,t){let n=t.descending?-1:1,r=(e,t)=>In.compare(e.name,t.name);return[...e].sort((e,i)=>{let a=Number(i.__typename===`Folder`)-Number(e.__typename===`Folder`);if(a!==0)return a;let o=0;return t.key===`size`?o=(e.size??0)-(i.size??0):t.key===`modified`&&(o=Date.parse(e.modifiedAt)-Date.parse(i.modifiedAt)),n*(o||r(e,i))})}function Rn(e,t){return e.key===t?{key:t,descending:!e.descending}:{key:t,descending:!1}}function Q({title:e,onClose:t,children:n,wide:r}){let i=V(null),a=Se();return B(()=>{let e=document.activeElement,t=i.current;return t&&!t.open&&t.showModal(),()=>{t?.close();let n=e;n?.isConnected&&typeof n.focus==`function`&&n.focus()}},[]),J(`dialog`,{ref:i,class:r?`dialog dialog-wide`:`dialog`,"aria-labelledby":a,onCancel:e=>{e.preventDefault(),t()},children:[J(`h2`,{id:a,children:e}),n]})}function zn({title:e,action:t,children:n,onConfirm:r,onClose:i}){let[a,o]=z(!1);return J(Q,{title:e,onClose:i,children:[n,J(`div`,{class:`dialog-actions`,children:[J(`button`,{type:`button`,onClick:i,autoFocus:!0,children:`Cancel`}),J(`button`,{type:`button`,class:`danger`,disabled:a,onClick:async()=>{o(!0),await r(),o(!1),i()},children:t})]})]})}function Bn({kind:e,entries:t,onDone:n,onClose:r}){let i=t[0],a=t.length===1,o=t.map(e=>e.id).join(` `),[s,c]=z(Gt(i.path)),[l,u]=z(i.name),[d,f]=z([]),[p,m]=z(null),[h,g]=z(!1),_=Kt(s);B(()=>{let e=!0,t=window.setTimeout(()=>{H(mt,{path:_}).then(t=>{if(!e)return;let n=t.entry;f(n?.__typename===`Folder`?n.children.edges.map(e=>e.node).filter(e=>e.__typename===`Folder`&&!o.includes(e.id)):[])}).catch(()=>e&&f([]))},150);return()=>{e=!1,window.clearTimeout(t)}},[_,o]);async function v(){g(!0),m(null);try{let i=(await H(mt,{path:_})).entry;if(i?.__typename!==`Folder`){m(`There is no folder ${_}.`);return}let o=[],s=``;for(let n of t){let t={id:n.id,parentId:i.id,name:a&&l.trim()||null},r=e===`Move`?(await H(lt,t)).moveEntry:(await H(ut,t)).copyEntry;r.__typename===`File`||r.__typename===`Folder`?s=r.path:o.push(a?Y(r):`${n.name}: ${Y(r)}`)}let c=t.length-o.length;if(c>0){let t=a?s:`${_} (${c} item${c===1?``:`s`})`;n(e===`Move`?`Moved to ${t}.`:`Copied to ${t}.`)}o.length===0?r():m(o.join(` `))}catch(e){m(X(e))}finally{g(!1)}}return J(Q,{title:a?`${e} “${i.name}”`:`${e} ${t.length} items`,onClose:r,children:J(`form`,{onSubmit:e=>{e.preventDefault(),v()},children:[J(`label`,{for:`destination`,children:`Destination folder`}),J(`input`,{id:`destination`,value:s,onInput:e=>c(e.currentTarget.value)}),J(`div`,{class:`folder-picker`,role:`group`,"aria-label":`Folders in the destination`,children:[_!==`/`&&J(`button`,{type:`button`,class:`link-button`,onClick:()=>c(Gt(_)),children:[`↑ Up to `,Gt(_)===`/`?`All files`:Gt(_)]}),d.map(e=>J(`button`,{type:`button`,class:`link-button`,onClick:()=>c(e.path),children:[J(`span`,{class:`icon icon-folder`,"aria-hidden":`true`}),e.name]},e.id)),d.length===0&&J(`p`,{class:`muted small`,children:`No folders inside.`})]}),a&&J(y,{children:[J(`label`,{for:`entry-name`,children:`Name`}),J(`input`,{id:`entry-name`,value:l,onInput:e=>u(e.currentTarget.value)})]}),p&&J(`p`,{role:`alert`,class:`form-error`,children:p}),J(`div`,{class:`dialog-actions`,children:[J(`button`,{type:`button`,onClick:r,children:`Cancel`}),J(`button`,{type:`submit`,class:`primary`,disabled:h,children:e})]})]})})}function Vn({title:e,action:t,initial:n,onSubmit:r,onClose:i}){let[a,o]=z(n),[s,c]=z(null),[l,u]=z(!1);return J(Q,{title:e,onClose:i,children:J(`form`,{onSubmit:async e=>{e.preventDefault(),u(!0);let t=await r(a);u(!1),t?c(t):i()},children:[J(`label`,{for:`entry-name`,children:`Name`}),J(`input`,{id:`entry-name`,required:!0,value:a,autoFocus:!0,onFocus:e=>{let t=e.currentTarget,n=t.value.lastIndexOf(`.`);t.setSelectionRange(0,n>0?n:t.value.length)},onInput:e=>o(e.currentTarget.value)}),s&&J(`p`,{role:`alert`,class:`form-error`,children:s}),J(`div`,{class:`dialog-actions`,children:[J(`button`,{type:`button`,onClick:i,children:`Cancel`}),J(`button`,{type:`submit`,class:`primary`,disabled:l,children:t})]})]})})}function Hn(e,t){return e.__typename===`NotFoundError`?`There is no user called “${t}”.`:Y(e)}function Un({id:e,label:t,value:n,onChange:r}){return J(`select`,{id:e,"aria-label":t,value:n,onChange:e=>r(e.currentTarget.value),children:[J(`option`,{value:`EDITOR`,children:yn.EDITOR}),J(`option`,{value:`VIEWER`,children:yn.VIEWER})]})}function Wn({folder:e,onClose:t,onChanged:n}){let[r,i]=z(null),[a,o]=z(null),[s,c]=z(null),[l,u]=z(``),[d,f]=z(`EDITOR`),[p,m]=z(null),[h,g]=z(null),[_,v]=z(!1),[b,x]=z(!1),S=V(null),C=V(null),w=V(null);async function T(){try{let t=await H(Et,{id:e.id}),n=t.entry;if(!n||n.__typename!==`Folder`){g(`This folder is gone: it may have been deleted, or you were removed from it.`),c([]);return}i(t.me?.username??null),o(n.shared??null),c(n.members)}catch(e){g(X(e))}}B(()=>{T()},[e.id]);let E=s!==null&&(a===null||a.youOwn);B(()=>{E&&S.current?.focus()},[E]);let D=V(!1);B(()=>{b?C.current?.focus():D.current&&w.current?.focus(),D.current=b},[b]);function O(){v(!0),g(null),m(null)}async function k(){let t=l.trim();if(!t)g(`Type the username of the person to add.`),S.current?.focus();else{O();try{let r=(await H(Dt,{folderId:e.id,username:t,role:d})).shareFolder;r.__typename===`Folder`?(c(r.members),u(``),m(`Added ${t} as ${d===`EDITOR`?`an Editor`:`a Viewer`}.`),n(!1),await T()):g(Hn(r,t))}catch(e){g(X(e))}finally{v(!1),S.current?.focus()}}}async function A(t,r){O();try{let i=(await H(Ot,{folderId:e.id,username:t,role:r})).updateMember;i.__typename===`Folder`?(c(i.members),m(`${t} is now ${r===`EDITOR`?`an Editor`:`a Viewer`}.`),n(!1)):(g(Hn(i,t)),await T())}catch(e){g(X(e)),await T()}finally{v(!1)}}async function j(t){O();try{await H(kt,{folderId:e.id,username:t}),m(`Removed ${t}: the folder is gone from their files.`),n(!1),await T()}catch(e){g(X(e))}finally{v(!1),S.current?.focus()}}async function ee(){O();try{await H(At,{folderId:e.id}),n(!0),t()}catch(e){g(X(e)),v(!1)}}return J(Q,{title:`Share “${e.name}” with people`,onClose:t,wide:!0,children:[s===null&&!h&&J(`p`,{class:`muted`,children:`Loading…`}),E&&J(`form`,{class:`member-form`,onSubmit:e=>{e.preventDefault(),k()},children:[J(`div`,{class:`member-add`,children:[J(`div`,{children:[J(`label`,{for:`member-username`,children:`Username`}),J(`input`,{id:`member-username`,ref:S,autocomplete:`off`,autocapitalize:`none`,spellcheck:!1,value:l,"aria-describedby":`member-roles`,onInput:e=>u(e.currentTarget.value)})]}),J(`div`,{children:[J(`label`,{for:`member-role`,children:`Role`}),J(Un,{id:`member-role`,value:d,onChange:f})]}),J(`button`,{type:`submit`,class:`primary`,disabled:_,children:`Add`})]}),J(`p`,{id:`member-roles`,class:`muted small`,children:`Editors can add, change and delete files in the folder; viewers can open and download them. The folder appears in their files; its files count against your storage.`})]}),!E&&a&&J(`p`,{children:Dn(a)}),p&&J(`p`,{role:`status`,class:`form-note`,children:p}),h&&J(`p`,{role:`alert`,class:`form-error`,children:h}),s!==null&&J(y,{children:[J(`h3`,{children:`Who has access`}),s.length===0?J(`p`,{class:`muted`,children:`Only you. Add someone by their username to share this folder.`}):J(`ul`,{class:`member-list`,"aria-label":`Members`,children:s.map(e=>{let t=e.user.username;return J(`li`,{"data-member":t,children:[J(`span`,{class:`member-name`,children:[t,t===r&&J(`span`,{class:`muted`,children:` (you)`})]}),e.isOwner?J(`span`,{class:`badge`,children:`Owner`}):E?J(`span`,{class:`member-actions`,children:[J(Un,{id:`member-role-${t}`,label:`Role of ${t}`,value:e.role,onChange:e=>void A(t,e)}),J(`button`,{type:`button`,class:`link-button danger-text`,title:`Remove ${t}`,disabled:_,onClick:()=>void j(t),children:`Remove`})]}):J(`span`,{class:`muted`,children:yn[e.role]})]},t)})})]}),!E&&a&&b&&J(`div`,{class:`leave-confirm`,role:`group`,"aria-label":`Leave the folder`,children:J(`p`,{children:[`“`,e.name,`” goes from your files; nothing of `,a.ownerUsername,`'s is deleted. You get it back only if `,a.ownerUsername,` adds you again.`]})}),J(`div`,{class:`dialog-actions`,children:[!E&&a&&!b&&J(`button`,{type:`button`,ref:w,class:`danger-text leave-button`,onClick:()=>x(!0),children:`Leave folder`}),!E&&a&&b&&J(y,{children:[J(`button`,{type:`button`,ref:C,onClick:()=>x(!1),children:`Stay`}),J(`button`,{type:`button`,class:`danger`,disabled:_,onClick:()=>void ee(),children:`Leave folder`})]}),J(`button`,{type:`button`,onClick:t,children:`Close`})]})]})}function Gn({name:e,actions:t}){let[n,r]=z(!1),i=Se(),a=V(null);return B(()=>{if(!n)return;a.current?.querySelector(`.row-actions`)?.scrollIntoView?.({block:`nearest`});let e=e=>{a.current?.contains(e.target)||r(!1)},t=e=>{e.key===`Escape`&&(r(!1),a.current?.querySelector(`.row-menu-button`)?.focus())};return document.addEventListener(`pointerdown`,e),document.addEventListener(`keydown`,t),()=>{document.removeEventListener(`pointerdown`,e),document.removeEventListener(`keydown`,t)}},[n]),J(`div`,{class:n?`row-actions-wrap open`:`row-actions-wrap`,ref:a,children:[J(`button`,{type:`button`,class:`row-menu-button`,"aria-expanded":n,"aria-controls":i,"aria-label":`Actions for ${e}`,onClick:()=>r(!n),children:J(`span`,{class:`i i-more`,"aria-hidden":`true`})}),J(`div`,{class:`row-actions`,role:`group`,"aria-label":`Actions for ${e}`,id:i,children:t.map(t=>J(`button`,{type:`button`,class:t.danger?`danger-text`:void 0,title:t.title??`${t.label} ${e}`,disabled:t.disabled,onClick:()=>{r(!1),t.onClick()},children:[J(`span`,{class:`i i-${t.icon}`,"aria-hidden":`true`}),J(`span`,{class:`row-action-label`,children:t.label})]},t.label))})]})}function Kn(e){if(!e)return null;let t=new Date(`${e}T23:59:59`);return Number.isNaN(t.getTime())?null:t.toISOString()}function qn(e){let t=[e.access===`EDITOR`?`view and upload`:`view only`];return e.hasPassword&&t.push(`password`),t.push(e.expiresAt?`expires ${K(e.expiresAt)}`:`no expiry`),t.push(`${e.downloadCount} download${e.downloadCount===1?``:`s`}`),t.join(` · `)}function Jn({entry:e,onClose:t}){let n=e.__typename===`Folder`,[r,i]=z([]),[a,o]=z(``),[s,c]=z(``),[l,u]=z(!1),[d,f]=z(null),[p,m]=z(null),[h,g]=z(null),[_,v]=z(!1),y=new Date().toISOString().slice(0,10);async function b(){try{i((await H(vt,{entryId:e.id})).shareLinks)}catch(e){g(X(e))}}B(()=>{b()},[e.id]);async function x(){v(!0),g(null),m(null);try{let t=(await H(yt,{entryId:e.id,access:n&&l?`EDITOR`:`VIEWER`,expiresAt:Kn(a),password:s||null})).createShareLink;t.__typename===`ShareLinkCreated`?(f({id:t.link.id,url:kn(t.url,t.token,window.location.origin)}),c(``),await b()):g(Y(t))}catch(e){g(X(e))}finally{v(!1)}}async function S(e){try{await H(bt,{id:e}),d?.id===e&&f(null),m(`The link was revoked: it no longer opens.`),await b()}catch(e){g(X(e))}}return J(Q,{title:`Share “${e.name}”`,onClose:t,wide:!0,children:[d?J(`div`,{class:`share-created`,children:[J(`label`,{for:`share-link`,children:`Link`}),J(`div`,{class:`inline-field`,children:[J(`input`,{id:`share-link`,readOnly:!0,value:d.url,onFocus:e=>e.currentTarget.select()}),J(`button`,{type:`button`,class:`primary`,onClick:async()=>{let e=await dn(document.getElementById(`share-link`),d.url);m(e?`Link copied.`:`Select the link and copy it.`)},children:`Copy`}),J(`button`,{type:`button`,class:`danger`,onClick:()=>void S(d.id),children:`Revoke`})]}),J(`p`,{class:`muted small`,children:`Anyone with this link can open it. It is shown only now: copy it.`})]}):J(`form`,{class:`share-form`,onSubmit:e=>{e.preventDefault(),x()},children:[J(`div`,{class:`field-row`,children:[J(`div`,{children:[J(`label`,{for:`share-expires`,children:`Expires (optional)`}),J(`input`,{id:`share-expires`,type:`date`,min:y,value:a,onInput:e=>o(e.currentTarget.value)})]}),J(`div`,{children:[J(`label`,{for:`share-password`,children:`Link password (optional)`}),J(`input`,{id:`share-password`,type:`password`,autocomplete:`new-password`,minLength:8,value:s,onInput:e=>c(e.currentTarget.value)})]})]}),n&&J(`label`,{class:`checkbox`,children:[J(`input`,{type:`checkbox`,checked:l,onChange:e=>u(e.currentTarget.checked)}),`Visitors can upload files into this folder`]}),J(`button`,{type:`submit`,class:`primary`,disabled:_,children:`Create link`})]}),p&&J(`p`,{role:`status`,class:`form-note`,children:p}),h&&J(`p`,{role:`alert`,class:`form-error`,children:h}),J(`h3`,{children:[`Links to this `,n?`folder`:`file`]}),r.length===0?J(`p`,{class:`muted`,children:`No links yet.`}):J(`ul`,{class:`link-list`,children:r.map(e=>J(`li`,{children:[J(`span`,{children:[`Created `,K(e.createdAt),` · `,qn(e)]}),J(`button`,{type:`button`,class:`link-button`,"aria-label":`Revoke link created ${new Date(e.createdAt).toLocaleString()}`,onClick:()=>void S(e.id),children:`Revoke link`})]},e.id))}),J(`div`,{class:`dialog-actions`,children:J(`button`,{type:`button`,onClick:t,children:`Close`})})]})}function Yn({entry:e,readOnly:t=!1,onChanged:n,onClose:r}){let[i,a]=z(null),[o,s]=z(null),[c,l]=z(null),[u,d]=z(null);async function f(){try{let t=(await H(gt,{id:e.id})).entry;t&&`revisions`in t?(a(t.rev),s(t.revisions)):s([])}catch(e){l(X(e))}}B(()=>{f()},[e.id]);async function p(t){l(null);try{let r=(await H(_t,{fileId:e.id,rev:t})).restoreRevision;r.__typename===`File`?(d(`Revision ${t} is the current version again (now revision ${r.rev}).`),n(),await f()):l(Y(r))}catch(e){l(X(e))}}return J(Q,{title:`Versions of “${e.name}”`,onClose:r,wide:!0,children:[o===null?J(`p`,{class:`muted`,children:`Loading…`}):J(`table`,{class:`entries`,children:[J(`caption`,{class:`visually-hidden`,children:`Versions`}),J(`thead`,{children:J(`tr`,{children:[J(`th`,{scope:`col`,children:`Version`}),J(`th`,{scope:`col`,class:`num`,children:`Size`}),J(`th`,{scope:`col`,children:`Saved`}),J(`th`,{scope:`col`,children:J(`span`,{class:`visually-hidden`,children:`Actions`})})]})}),J(`tbody`,{children:o.map(e=>J(`tr`,{children:[J(`th`,{scope:`row`,children:[`Revision `,e.rev,e.rev===i&&` `,e.rev===i&&J(`span`,{class:`badge`,children:`current`})]}),J(`td`,{class:`num muted`,children:G(e.size)}),J(`td`,{class:`muted`,children:K(e.createdAt)}),J(`td`,{class:`actions`,children:[J(`a`,{class:`button-link`,href:e.downloadUrl,download:!0,children:`Download`}),e.rev!==i&&!t&&J(`button`,{type:`button`,onClick:()=>void p(e.rev),children:`Restore`})]})]},e.rev))})]}),u&&J(`p`,{role:`status`,class:`form-note`,children:u}),c&&J(`p`,{role:`alert`,class:`form-error`,children:c}),J(`div`,{class:`dialog-actions`,children:J(`button`,{type:`button`,onClick:r,children:`Close`})})]})}var $=`dropbox-lite:changed`;function Xn(){window.dispatchEvent(new Event($))}async function Zn(e){if(e.__typename===`Folder`){let t=(await H(Lt,{id:e.id})).entry;return t&&`zipUrl`in t?t.zipUrl:null}let t=(await H(ht,{id:e.id})).entry;return t&&`downloadUrl`in t?t.downloadUrl:null}async function Qn(e){try{let t=await Zn(e);if(t===null){Z(`“${e.name}” is gone.`,`error`);return}let n=document.createElement(`a`);n.href=t,n.download=e.__typename===`Folder`?`${e.name}.zip`:e.name,n.rel=`noopener`,document.body.append(n),n.click(),n.remove()}catch(e){Z(X(e),`error`)}}function $n(e){let t=Ut(window.location.pathname);(t===e||t.startsWith(`${e}/`))&&Yt(`/`,!0),Xn()}async function er(e,t){let n=[],r=[];for(let t of e)try{let e=(await H(dt,{id:t.id})).deleteEntry;e.__typename===`File`||e.__typename===`Folder`?n.push(t):r.push(`${t.name}: ${Y(e)}`)}catch(e){r.push(`${t.name}: ${X(e)}`)}n.length>0&&t(),r.length>0?Z(r.join(` `),`error`):Z(`Moved ${n.length===1?`“${n[0].name}”`:`${n.length} items`} to the trash.`,`info`,{label:`Undo`,run:()=>{(async()=>{for(let e of n)try{await H(ft,{id:e.id})}catch(e){Z(X(e),`error`)}t()})()}})}function tr(e){let[t,n]=z(null),r=()=>n(null),i=()=>{e(),Xn()},a=e=>er([e],i);async function o(t){try{await H(At,{folderId:t.id}),Z(`You left “${t.name}”.`),e(),$n(t.path)}catch(e){Z(X(e),`error`)}}let s=e=>{let t=e.__typename===`File`,r=!Sn(e),i=xn(e),o=[];return o.push({label:`Download`,icon:t?`download`:`zip`,title:t?void 0:`Download ${e.name} as a zip`,onClick:()=>void Qn(e)}),wn(e)&&o.push({label:`People`,icon:`people`,title:`Share “${e.name}” with people`,onClick:()=>n({kind:`People`,entry:e})}),o.push({label:`Share`,icon:`link`,disabled:e.shared?.yourRole===`VIEWER`||i,onClick:()=>n({kind:`Share`,entry:e})},{label:`Rename`,icon:`rename`,disabled:r,onClick:()=>n({kind:`Rename`,entry:e})},{label:`Move`,icon:`move`,disabled:r,onClick:()=>n({kind:`Move`,entry:e})},{label:`Copy`,icon:`copy`,onClick:()=>n({kind:`Copy`,entry:e})}),t&&o.push({label:`Versions`,icon:`versions`,onClick:()=>n({kind:`Versions`,entry:e})}),o.push(i?{label:`Leave`,icon:`leave`,danger:!0,title:`Leave ${e.name}`,onClick:()=>n({kind:`Leave`,entry:e})}:{label:`Delete`,icon:`delete`,danger:!0,disabled:r,onClick:()=>void a(e)}),J(Gn,{name:e.name,actions:o})},c=null;if(t?.kind===`Rename`){let e=t.entry;c=J(Vn,{title:`Rename “${e.name}”`,action:`Rename`,initial:e.name,onClose:r,onSubmit:async t=>{try{let n=(await H(ct,{id:e.id,name:t.trim()})).renameEntry;return n.__typename===`File`||n.__typename===`Folder`?(Z(`Renamed to “${n.name}”.`),i(),null):Y(n)}catch(e){return X(e)}}})}else if(t?.kind===`Move`||t?.kind===`Copy`)c=J(Bn,{kind:t.kind,entries:[t.entry],onClose:r,onDone:e=>{Z(e),i()}});else if(t?.kind===`Share`)c=J(Jn,{entry:t.entry,onClose:r});else if(t?.kind===`Versions`)c=J(Yn,{entry:t.entry,readOnly:!Sn(t.entry),onClose:r,onChanged:i});else if(t?.kind===`People`){let n=t.entry;c=J(Wn,{folder:n,onClose:r,onChanged:t=>{t?(Z(`You left “${n.name}”.`),e(),$n(n.path)):i()}})}else if(t?.kind===`Leave`){let e=t.entry,n=e.shared?.ownerUsername??`its owner`;c=J(zn,{title:`Leave “${e.name}”?`,action:`Leave folder`,onClose:r,onConfirm:()=>o(e),children:J(`p`,{children:[`The folder goes from your files; nothing of `,n,`'s is deleted. You get it back only if `,n,` adds you again.`]})})}return{buttons:s,dialog:c,act:(e,t)=>n({kind:e,entry:t}),changed:i}}function nr(e){try{let t=new URL(e,window.location.href);return`${t.pathname}${t.search}`}catch{return e}}function rr({folder:e,thumbnail:t}){return t?J(`img`,{class:`thumb`,src:nr(t),alt:``,width:28,height:28,loading:`lazy`,decoding:`async`}):J(`span`,{class:e?`icon icon-folder`:`icon icon-file`,"aria-hidden":`true`})}function ir({label:e,sortKey:t,sort:n,onSort:r,class:i}){let a=n?.key===t;return J(`th`,{scope:`col`,class:i,"aria-sort":n?a?n.descending?`descending`:`ascending`:`none`:void 0,children:r?J(`button`,{type:`button`,class:`sort-button`,onClick:()=>r(t),children:[e,J(`span`,{class:`sort-mark`,"aria-hidden":`true`,children:a?n?.descending?`▼`:`▲`:``})]}):e})}function ar(e){let{caption:t,entries:n,showPath:r,showDeleted:i,actions:a,empty:o,onOpen:s,selection:c,sort:l,onSort:u}=e;if(n.length===0)return J(`div`,{class:`empty`,children:o});let d=c&&n.every(e=>c.selected.has(e.id));return J(`table`,{class:c?`entries selectable`:`entries`,children:[J(`caption`,{class:`visually-hidden`,children:t}),J(`thead`,{children:J(`tr`,{children:[c&&J(`td`,{class:`select`,children:J(`input`,{type:`checkbox`,"aria-label":`Select all`,checked:d,onChange:()=>c.toggleAll()})}),J(ir,{label:`Name`,sortKey:`name`,sort:l,onSort:u}),r&&J(`th`,{scope:`col`,class:`col-path`,children:`Folder`}),J(ir,{label:`Size`,sortKey:`size`,sort:l,onSort:u,class:`num col-size`}),i?J(`th`,{scope:`col`,class:`col-modified`,children:`Deleted`}):J(ir,{label:`Modified`,sortKey:`modified`,sort:l,onSort:u,class:`col-modified`}),J(`th`,{scope:`col`,class:`col-actions`,children:J(`span`,{class:`visually-hidden`,children:`Actions`})})]})}),J(`tbody`,{children:n.map(e=>{let t=e.__typename===`Folder`,n=c?.selected.has(e.id)??!1,o=i?e.trashedAt??e.modifiedAt:e.modifiedAt;return J(`tr`,{"data-entry":e.name,class:n?`selected`:void 0,children:[c&&J(`td`,{class:`select`,children:J(`input`,{type:`checkbox`,"aria-label":`Select ${e.name}`,checked:n,onClick:t=>{t.preventDefault(),c.toggle(e,t.shiftKey)}})}),J(`th`,{scope:`row`,class:`name`,children:J(`span`,{class:`name-line`,children:[J(rr,{folder:t,thumbnail:e.__typename===`File`&&!e.trashed?e.thumbnailUrl:null}),t&&!e.trashed?J(`a`,{href:Vt(e.path),onClick:q,children:e.name}):s&&!e.trashed?J(`a`,{href:Vt(e.path),class:`file-link`,onClick:t=>{t.ctrlKey||t.metaKey||t.shiftKey||(t.preventDefault(),s(e))},children:e.name}):J(`span`,{children:e.name}),e.shared&&bn(e)&&J(y,{children:[` `,J(`span`,{class:`badge badge-shared`,title:Tn(e.shared),children:`Shared`})]})]})}),r&&J(`td`,{class:`muted col-path`,children:Gt(e.path)}),J(`td`,{class:`num muted col-size`,children:e.__typename===`File`?G(e.size):`—`}),J(`td`,{class:`muted col-modified`,children:J(`time`,{dateTime:o,children:K(o)})}),J(`td`,{class:`actions`,children:a(e)})]},e.id)})})]})}var or=1048576,sr=new Set(`txt md markdown csv tsv log json yaml yml toml ini cfg conf xml html htm css js mjs cjs ts tsx jsx py rb go rs java kt c h cc cpp hpp cs php sh bash zsh sql graphql gql svg tex rst env gitignore dockerfile makefile`.split(` `)),cr=new Set([`image/png`,`image/jpeg`,`image/gif`,`image/webp`,`image/avif`,`image/bmp`]);function lr(e){let t=e.lastIndexOf(`.`);return t<0?e.toLowerCase():e.slice(t+1).toLowerCase()}function ur(e,t){let n=(t??``).toLowerCase().split(`;`)[0].trim();if(cr.has(n))return`image`;if(n===`application/pdf`)return`pdf`;if(n.startsWith(`audio/`))return`audio`;if(n.startsWith(`video/`))return`video`;if(n.startsWith(`text/`)||n===`application/json`||n===`image/svg+xml`)return`text`;let r=lr(e);return[`png`,`jpg`,`jpeg`,`gif`,`webp`,`avif`,`bmp`].includes(r)?`image`:r===`pdf`?`pdf`:[`mp3`,`ogg`,`oga`,`wav`,`flac`,`m4a`,`opus`].includes(r)?`audio`:[`mp4`,`webm`,`ogv`,`mov`,`m4v`].includes(r)?`video`:sr.has(r)?`text`:`none`}function dr(e,t){return new TextDecoder(`utf-8`,{fatal:!1}).decode(e,{stream:t})}function fr({files:e,index:t,onIndex:n,onClose:r}){let i=e[t],a=ur(i.name,i.__typename===`File`?i.mimeType:null),[o,s]=z(null);B(()=>{let e=new AbortController;return s(null),(async()=>{let t=(await Ke(ht,{id:i.id},e.signal)).entry;if(!t||!(`downloadUrl`in t))throw Error(`“${i.name}” is gone.`);let n=t.downloadUrl;if(a!==`text`)return{url:n};let r=await fetch(n,{headers:{Range:`bytes=0-${or-1}`},signal:e.signal});if(!r.ok)throw Error(`The server answered ${r.status}.`);let o=new Uint8Array(await r.arrayBuffer()).slice(0,or),s=(i.__typename===`File`?i.size:o.length)>o.length;return{url:n,text:dr(o,s),truncated:s}})().then(e=>s(e)).catch(t=>{e.signal.aborted||s({error:X(t)})}),()=>e.abort()},[i.id,i.name,i,a]),B(()=>{let r=r=>{if(!r.target?.closest(`audio, video`)){if(r.key===`ArrowRight`&&t<e.length-1)n(t+1);else if(r.key===`ArrowLeft`&&t>0)n(t-1);else return;r.preventDefault()}};return document.addEventListener(`keydown`,r),()=>document.removeEventListener(`keydown`,r)},[t,e.length,n]);let c;return c=o===null?J(`p`,{class:`muted`,children:`Loading…`}):`error`in o?J(`p`,{role:`alert`,class:`form-error`,children:o.error}):a===`image`?J(`img`,{class:`preview-media`,src:o.url,alt:i.name}):a===`pdf`?J(`iframe`,{class:`preview-frame`,src:`${o.url}&inline=1`,title:i.name}):a===`audio`?J(`audio`,{class:`preview-media`,src:o.url,controls:!0,"aria-label":i.name}):a===`video`?J(`video`,{class:`preview-media`,src:o.url,controls:!0,"aria-label":i.name}):a===`text`?J(y,{children:[J(`pre`,{class:`preview-text`,tabIndex:0,"aria-label":`Text of ${i.name}`,children:o.text}),o.truncated&&J(`p`,{class:`muted small`,children:`The first 1 MiB is shown: download the file for the rest.`})]}):J(`p`,{class:`muted`,children:`No preview for this kind of file. Download it to open it.`}),J(Q,{title:i.name,onClose:r,wide:!0,children:[J(`div`,{class:`preview`,children:c},i.id),J(`div`,{class:`dialog-actions preview-actions`,children:[J(`span`,{class:`muted small preview-count`,children:[e.length>1&&`${t+1} of ${e.length} · `,i.__typename===`File`&&G(i.size)]}),J(`button`,{type:`button`,"aria-label":`Previous file`,disabled:t===0,onClick:()=>n(t-1),children:`‹`}),J(`button`,{type:`button`,"aria-label":`Next file`,disabled:t>=e.length-1,onClick:()=>n(t+1),children:`›`}),J(`button`,{type:`button`,onClick:()=>void Qn(i),children:`Download`}),J(`button`,{type:`button`,class:`primary`,onClick:r,children:`Close`})]})]})}function pr({shared:e}){let[t,n]=z(null),[r,i]=z(!1),[a,o]=z(0);return B(()=>{let t=!0;return H(Et,{id:e.folderId}).then(e=>{let r=e.entry;t&&r?.__typename===`Folder`&&n({id:r.id,name:r.name,path:r.path,members:r.members,me:e.me?.username??null})}).catch(()=>t&&n(null)),()=>{t=!1}},[e.folderId,a]),B(()=>{let e=()=>o(e=>e+1);return window.addEventListener($,e),()=>window.removeEventListener($,e)},[]),J(`section`,{class:`shared-bar`,"aria-label":`Sharing`,children:[J(`div`,{children:[J(`p`,{children:[J(`span`,{class:`badge badge-shared`,children:`Shared`}),` `,Tn(e),t&&J(y,{children:[` with `,En(t.members,t.me)]})]}),J(`p`,{id:`shared-role`,class:`muted small`,children:Dn(e)})]}),t&&J(`button`,{type:`button`,onClick:()=>i(!0),title:`Share “${t.name}” with people`,children:`People`}),r&&t&&J(Wn,{folder:t,onClose:()=>i(!1),onChanged:e=>{e?(Z(`You left “${t.name}”.`),$n(t.path)):Xn()}})]})}var mr={queued:`Waiting`,uploading:`Uploading`,done:`Uploaded`,failed:`Failed`,cancelled:`Cancelled`};function hr(e){let t=t=>e.filter(e=>e.status===t).length,n=t(`done`),r=[`${n} upload${n===1?``:`s`} done`],i=t(`cancelled`);return i>0&&r.push(`${i} cancelled`),r.join(`, `)}function gr({items:e,queue:t}){let n=e.every(e=>e.status!==`queued`&&e.status!==`uploading`),r=e.some(e=>e.status===`failed`),i=e.length>0&&n&&!r,[a,o]=z(!i);return B(()=>o(!i),[i]),e.length===0?null:J(`section`,{class:`uploads`,"aria-label":`Uploads`,children:[J(`div`,{class:`uploads-head`,children:[J(`h2`,{children:`Uploads`}),!a&&J(`span`,{class:`muted small uploads-summary`,children:hr(e)}),J(`span`,{class:`uploads-buttons`,children:[n&&J(`button`,{type:`button`,class:`link-button`,"aria-expanded":a,"aria-controls":`upload-list`,onClick:()=>o(!a),children:a?`Hide`:`Show`}),n&&J(`button`,{type:`button`,class:`link-button`,onClick:()=>t.clearFinished(),children:`Clear`})]})]}),J(`ul`,{id:`upload-list`,hidden:!a,children:e.map(e=>{let n=e.status===`done`?100:Bt(e.loaded,e.total);return J(`li`,{class:`upload upload-${e.status}`,children:[J(`div`,{class:`upload-line`,children:[J(`span`,{class:`upload-name`,children:e.name}),J(`span`,{class:`muted small`,children:e.status===`failed`||e.status===`cancelled`?e.message:`${mr[e.status]} · ${G(e.loaded)} of ${G(e.total)}`}),(e.status===`queued`||e.status===`uploading`)&&J(`button`,{type:`button`,class:`link-button`,"aria-label":`Cancel upload of ${e.name}`,onClick:()=>t.cancel(e.id),children:`Cancel`})]}),e.destination&&J(`div`,{class:`muted small upload-where`,children:[`to `,e.destination]}),J(`progress`,{max:100,value:n,"aria-label":`Upload of ${e.name}`,children:[n,`%`]})]},e.id)})})]})}var _r=`dropbox-lite:first-listing`,vr=new An((e,{parentId:t,replace:n},r)=>{let i=Ye(Ct,n?{parentId:t,mode:`OVERWRITE`,autorename:!1}:{parentId:t,autorename:!0},e,r);return{cancel:i.cancel,promise:i.promise.then(e=>e.uploadFile.__typename===`File`?null:Y(e.uploadFile))}},3,Xn,({path:e})=>e===`/`?`All files`:e);async function yr(e,t,n,r=100){let i=e===`/`?(await Ke(rt,{first:r,after:t},n)).folder:(await Ke(it,{path:e,first:r,after:t},n)).entry;return!i||i.__typename!==`Folder`?null:{path:e,folderId:i.id,shared:i.shared??null,entries:i.children.edges.map(e=>e.node),totalCount:i.children.totalCount,endCursor:i.children.pageInfo.endCursor,hasNextPage:i.children.pageInfo.hasNextPage}}function br({path:e}){let t=Wt(e);return J(`nav`,{"aria-label":`Breadcrumb`,class:`breadcrumb`,children:J(`ol`,{children:t.map((e,n)=>J(`li`,{children:n===t.length-1?J(`span`,{"aria-current":`page`,children:e.name}):J(`a`,{href:Vt(e.path),onClick:q,children:e.name})},e.path))})})}async function xr(e,t){let n=new Set(t.entries.map(e=>e.name.toLowerCase())),r=[];for(let i of e)(n.has(i.name.toLowerCase())||t.hasNextPage&&(await H(jt,{path:t.path===`/`?`/${i.name}`:`${t.path}/${i.name}`})).entry?.__typename===`File`)&&r.push(i.name);return r}async function Sr(e,t){let n=new Map([[``,e.folderId]]);for(let r of Fn(t)){let t=r.lastIndexOf(`/`),i=(await H(st,{parentId:n.get(t<0?``:r.slice(0,t))??e.folderId,name:r.slice(t+1)})).createFolder;if(i.__typename===`Folder`){n.set(r,i.id);continue}let a=(await H(jt,{path:e.path===`/`?`/${r}`:`${e.path}/${r}`})).entry;if(a?.__typename!==`Folder`)throw Error(`${r}: ${Y(i)}`);n.set(r,a.id)}return n}var Cr=[[`/`,`Search`],[`Enter`,`Open the selected item`],[`F2`,`Rename the selected item`],[`Delete`,`Move the selected items to the trash`],[`Escape`,`Clear the selection`],[`← →`,`Previous and next file in a preview`],[`?`,`This list`]];function wr(e){return!!e?.closest?.(`input, textarea, select, [contenteditable=true], dialog`)}function Tr({path:e}){let[t,n]=z(null),[r,i]=z(!1),[a,o]=z(null),[s,c]=z(!1),[l,u]=z(!1),[d,f]=z([]),[p,m]=z({key:`name`,descending:!1}),[h,g]=z(new Set),[_,v]=z(null),[b,x]=z(null),[S,C]=z(null),[w,T]=z(!1),E=V(null),D=V(null),O=V(null),k=V(null),A=V(null),j=V(null);j.current=t;let[ee,te]=z(0),M=xe(()=>te(e=>e+1),[]);B(()=>(f(vr.items),vr.subscribe(f)),[]),B(()=>{let t=j.current?.path===e;t||(O.current=null,n(null),g(new Set),v(null)),A.current?.abort();let r=new AbortController;A.current=r;let a=t&&j.current?Math.max(100,j.current.entries.length):100;return yr(e,null,r.signal,a).then(e=>{r.signal.aborted||(i(e===null),n(e),performance.getEntriesByName(`dropbox-lite:first-listing`).length===0&&performance.mark(_r),O.current=e?.folderId??null,o(null))}).catch(e=>!r.signal.aborted&&o(X(e))),()=>r.abort()},[e,ee]),B(()=>(window.addEventListener($,M),()=>window.removeEventListener($,M)),[M]);let{buttons:ne,dialog:N,act:re,changed:ie}=tr(M);async function ae(){let e=t;if(!e?.endCursor)return;A.current?.abort();let r=new AbortController;A.current=r;try{let t=await yr(e.path,e.endCursor,r.signal);if(r.signal.aborted||!t)return;n(e=>e&&e.path===t.path?{...t,entries:[...e.entries,...t.entries]}:e)}catch(e){r.signal.aborted||Z(X(e),`error`)}}async function oe(e){let n=O.current;if(e.length===0||!n||!t)return;let r=[];try{r=await xr(e,t)}catch{}r.length>0?x({files:e,parentId:n,path:t.path,taken:r}):vr.add(e,{parentId:n,path:t.path,replace:!1})}async function P(e){if(t&&e.length!==0)try{let n=await Sr(t,e),r=new Map;for(let{file:i,dir:a}of e){if(!i.name)continue;let e=n.get(a)??t.folderId,o=!n.has(a)||!a?t.path:t.path===`/`?`/${a}`:`${t.path}/${a}`,s=r.get(e)??{path:o,files:[]};s.files.push(i),r.set(e,s)}for(let[e,t]of r)vr.add(t.files,{parentId:e,path:t.path,replace:!1});M()}catch(e){Z(e instanceof Error&&!(e instanceof Ue)?e.message:X(e),`error`)}}let F=t?Ln(t.entries,p):[],I=F.filter(e=>h.has(e.id)),se=F.filter(e=>e.__typename===`File`);function ce(e,t){let n=new Set(h);if(t&&k.current){let t=F.findIndex(e=>e.id===k.current),r=F.findIndex(t=>t.id===e.id);if(t>=0&&r>=0){for(let e of F.slice(Math.min(t,r),Math.max(t,r)+1))n.add(e.id);g(n);return}}n.has(e.id)?n.delete(e.id):n.add(e.id),k.current=e.id,g(n)}function le(e){e.__typename===`Folder`?Yt(Vt(e.path)):v(se.findIndex(t=>t.id===e.id))}B(()=>{let e=e=>{if(e.defaultPrevented||e.ctrlKey||e.metaKey||e.altKey||wr(e.target))return;let t=I.length===1?I[0]:null;if(e.key===`/`)document.getElementById(`search`)?.focus();else if(e.key===`?`)T(!0);else if(e.key===`Escape`&&I.length>0)g(new Set);else if(e.key===`Delete`&&I.length>0)g(new Set),er(I,ie);else if(e.key===`F2`&&t)re(`Rename`,t);else if(e.key===`Enter`&&t&&!e.target?.closest?.(`a, button`))le(t);else return;e.preventDefault()};return document.addEventListener(`keydown`,e),()=>document.removeEventListener(`keydown`,e)});let ue=e===`/`?`All files`:e.split(`/`).pop(),L=Cn(t?.shared);return J(`div`,{class:l?`browser dropping`:`browser`,onDragOver:e=>{e.dataTransfer?.types.includes(`Files`)&&t&&(e.preventDefault(),u(!0))},onDragLeave:e=>{e.currentTarget===e.target&&u(!1)},onDrop:e=>{e.preventDefault(),u(!1);let t=Array.from(e.dataTransfer?.files??[]);Pn(e.dataTransfer?.items).then(e=>e?P(e):oe(t))},children:[J(br,{path:e}),J(`div`,{class:`toolbar`,children:[J(`h1`,{children:ue}),J(`div`,{class:`toolbar-actions`,children:[J(`label`,{for:`upload-files`,class:`visually-hidden`,children:`Upload files`}),J(`input`,{id:`upload-files`,ref:E,type:`file`,multiple:!0,class:`visually-hidden`,tabIndex:-1,disabled:!t,onChange:e=>{let t=e.currentTarget;t.files&&t.files.length>0&&oe(Array.from(t.files)),t.value=``}}),J(`button`,{type:`button`,class:`primary`,disabled:!t||!L,"aria-describedby":L?void 0:`shared-role`,onClick:()=>E.current?.click(),children:[J(`span`,{class:`i i-upload`,"aria-hidden":`true`}),`Upload`]}),J(`label`,{for:`upload-folder`,class:`visually-hidden`,children:`Upload a folder`}),J(`input`,{id:`upload-folder`,ref:D,type:`file`,class:`visually-hidden`,tabIndex:-1,disabled:!t,webkitdirectory:!0,onChange:e=>{let t=e.currentTarget;t.files&&t.files.length>0&&P(jn(t.files)),t.value=``}}),J(`button`,{type:`button`,disabled:!t||!L,"aria-describedby":L?void 0:`shared-role`,onClick:()=>D.current?.click(),children:[J(`span`,{class:`i i-upload`,"aria-hidden":`true`}),`Upload folder`]}),J(`button`,{type:`button`,disabled:!t||!L,"aria-describedby":L?void 0:`shared-role`,onClick:()=>c(!0),children:[J(`span`,{class:`i i-folder-plus`,"aria-hidden":`true`}),`New folder`]}),J(`button`,{type:`button`,class:`shortcut-help`,"aria-label":`Keyboard shortcuts`,onClick:()=>T(!0),children:`?`})]})]}),t?.shared&&J(pr,{shared:t.shared}),J(gr,{items:d,queue:vr}),a&&J(`p`,{role:`alert`,class:`form-error`,children:a}),r&&J(`p`,{class:`empty`,children:[`There is no folder `,e,`. It may have been moved or deleted.`]}),I.length>0&&J(`div`,{class:`bulk-bar`,role:`region`,"aria-label":`Selection`,children:[J(`span`,{class:`bulk-count`,children:[I.length,` selected`]}),J(`div`,{class:`bulk-actions`,children:[J(`button`,{type:`button`,onClick:()=>{for(let e of I)Qn(e)},children:[J(`span`,{class:`i i-download`,"aria-hidden":`true`}),`Download`]}),J(`button`,{type:`button`,onClick:()=>C(`Move`),children:[J(`span`,{class:`i i-move`,"aria-hidden":`true`}),`Move`]}),J(`button`,{type:`button`,onClick:()=>C(`Copy`),children:[J(`span`,{class:`i i-copy`,"aria-hidden":`true`}),`Copy`]}),J(`button`,{type:`button`,class:`danger-text`,onClick:()=>{g(new Set),er(I,ie)},children:[J(`span`,{class:`i i-delete`,"aria-hidden":`true`}),`Delete`]}),J(`button`,{type:`button`,class:`link-button`,onClick:()=>g(new Set),children:`Clear`})]})]}),t&&J(y,{children:[J(ar,{caption:`Contents of ${ue}`,entries:F,actions:ne,onOpen:le,sort:p,onSort:e=>m(Rn(p,e)),selection:{selected:h,toggle:ce,toggleAll:()=>g(I.length===F.length?new Set:new Set(F.map(e=>e.id)))},empty:J(y,{children:[J(`span`,{class:`icon icon-drop`,"aria-hidden":`true`}),J(`p`,{children:`This folder is empty.`}),J(`p`,{class:`muted`,children:L?`Drop files here, or use Upload.`:`Only its owner and editors can add files here.`})]})}),J(`p`,{class:`muted small listing-foot`,children:[t.entries.length<t.totalCount?`Showing ${t.entries.length} of ${t.totalCount} items.`:`${t.totalCount} item${t.totalCount===1?``:`s`}.`,` `,L&&J(`span`,{class:`wide-only`,children:`Drop files anywhere here to upload them.`})]}),t.hasNextPage&&J(`button`,{type:`button`,onClick:()=>void ae(),children:`Load more`})]}),s&&J(Vn,{title:`New folder`,action:`Create`,initial:``,onClose:()=>c(!1),onSubmit:async e=>{try{let t=(await H(st,{parentId:O.current,name:e.trim()})).createFolder;return t.__typename===`Folder`?(Z(`Created “${t.name}”.`),M(),null):Y(t)}catch(e){return X(e)}}}),b&&J(Q,{title:b.taken.length===1?`“${b.taken[0]}” is already here`:`${b.taken.length} files are already here`,onClose:()=>x(null),children:[J(`p`,{children:`Replace keeps one file and adds your upload as its newest version (the old one stays under Versions). Keep both adds your upload under a new name.`}),J(`div`,{class:`dialog-actions`,children:[J(`button`,{type:`button`,onClick:()=>x(null),children:`Cancel`}),J(`button`,{type:`button`,onClick:()=>{vr.add(b.files,{parentId:b.parentId,path:b.path,replace:!1}),x(null)},children:`Keep both`}),J(`button`,{type:`button`,class:`primary`,autoFocus:!0,onClick:()=>{let e=new Set(b.taken),t=b.files.filter(t=>!e.has(t.name));t.length>0&&vr.add(t,{parentId:b.parentId,path:b.path,replace:!1}),vr.add(b.files.filter(t=>e.has(t.name)),{parentId:b.parentId,path:b.path,replace:!0}),x(null)},children:`Replace`})]})]}),S&&J(Bn,{kind:S,entries:I,onClose:()=>C(null),onDone:e=>{Z(e),g(new Set),ie()}}),_!==null&&se[_]&&J(fr,{files:se,index:_,onIndex:v,onClose:()=>v(null)}),w&&J(Q,{title:`Keyboard shortcuts`,onClose:()=>T(!1),children:[J(`dl`,{class:`shortcuts`,children:Cr.map(([e,t])=>J(`div`,{children:[J(`dt`,{children:J(`kbd`,{children:e})}),J(`dd`,{children:t})]},e))}),J(`div`,{class:`dialog-actions`,children:J(`button`,{type:`button`,class:`primary`,onClick:()=>T(!1),children:`Close`})})]}),N]})}function Er({query:e}){let[t,n]=z(null),[r,i]=z(null),[a,o]=z(0),s=()=>o(e=>e+1),{buttons:c,dialog:l}=tr(s);return B(()=>(window.addEventListener($,s),()=>window.removeEventListener($,s)),[]),B(()=>{let t=!0;if(!e.trim())n([]);else return H(at,{query:e.trim()}).then(e=>t&&(n(e.search),i(null))).catch(e=>t&&i(X(e))),()=>{t=!1}},[e,a]),J(`div`,{children:[J(`div`,{class:`toolbar`,children:J(`h1`,{children:[`Search results for “`,e,`”`]})}),r&&J(`p`,{role:`alert`,class:`form-error`,children:r}),t===null?J(`p`,{class:`muted`,children:`Searching…`}):J(ar,{caption:`Search results for ${e}`,entries:t,showPath:!0,actions:c,empty:J(`p`,{children:[`No file or folder name contains “`,e,`”.`]})}),l]})}function Dr(e){return`${e}${e.includes(`?`)?`&`:`?`}dl=1`}function Or(e,t){let n=Ht(t),r=`/s/${e}`;return n.length===0?r:`${r}?path=${encodeURIComponent(n.join(`/`))}`}function kr({token:e,path:t}){let[n,r]=z(null),[i,a]=z(!1),[o,s]=z(null),[c,l]=z(``),[u,d]=z(null),[f,p]=z(!0),[m,h]=z([]),[g,_]=z(0),[v,b]=z(null),x=V(null),S=V(null);async function C(n){p(!0);try{let i=(await H(wt,{token:e,password:n,path:t||null})).sharedLink;i.__typename===`SharedEntry`?(r(i),Ht(i.path).length===0&&b(i.name),a(!1),s(n),S.current=n,d(null),document.title=`${i.name||`Shared folder`} · dropbox-lite`):i.__typename===`PasswordRequiredError`||i.__typename===`WrongPasswordError`?(a(!0),r(null),d(i.__typename===`WrongPasswordError`?Y(i):null)):(r(null),a(!1),d(Y(i)))}catch(e){d(X(e))}finally{p(!1)}}B(()=>{C(o)},[e,t,g]);let w=be(()=>new An((t,n,r)=>{let i=Ye(Tt,{token:e,password:S.current},t,r);return{cancel:i.cancel,promise:i.promise.then(e=>e.uploadToShareLink.__typename===`File`?null:Y(e.uploadToShareLink))}},3,()=>_(e=>e+1)),[e]);B(()=>w.subscribe(h),[w]);let T=Ht(n?.path??t);return J(`div`,{class:`share-page`,children:[J(`header`,{class:`topbar`,children:[J(`span`,{class:`brand`,children:[J(`span`,{class:`brand-mark`,"aria-hidden":`true`}),` dropbox-lite`]}),J(`span`,{class:`muted`,children:`Shared with you`})]}),J(`main`,{class:`share-main`,children:[f&&!n&&!i&&!u&&J(`p`,{class:`muted`,children:`Opening the link…`}),i&&J(`form`,{class:`share-card`,onSubmit:e=>{e.preventDefault(),C(c)},children:[J(`h1`,{children:`This link is protected`}),J(`p`,{class:`muted`,children:`Enter the password you were given to open it.`}),J(`label`,{for:`share-open-password`,children:`Password`}),J(`input`,{id:`share-open-password`,type:`password`,autocomplete:`off`,required:!0,value:c,onInput:e=>l(e.currentTarget.value)}),u&&J(`p`,{role:`alert`,class:`form-error`,children:u}),J(`button`,{type:`submit`,class:`primary`,children:`Open`})]}),!i&&!n&&u&&J(`div`,{class:`share-card`,children:[J(`h1`,{children:`This link does not open`}),J(`p`,{role:`alert`,children:u})]}),n&&!n.isFolder&&J(`div`,{class:`share-card`,children:[J(rr,{folder:!1}),J(`h1`,{children:n.name}),J(`p`,{class:`muted`,children:[G(n.size??0),` · modified `,K(n.modifiedAt),n.expiresAt&&` · link expires ${K(n.expiresAt)}`]}),n.downloadUrl&&J(`a`,{class:`button-link primary`,href:Dr(n.downloadUrl),download:n.name,children:`Download`})]}),n&&n.isFolder&&J(`div`,{class:`share-folder`,children:[J(`nav`,{"aria-label":`Breadcrumb`,class:`breadcrumb`,children:J(`ol`,{children:[{name:v??`Shared folder`,at:`/`},...T.map((e,t)=>({name:e,at:T.slice(0,t+1).join(`/`)}))].map((t,n,r)=>J(`li`,{children:n===r.length-1?J(`span`,{"aria-current":`page`,children:t.name}):J(`a`,{href:Or(e,t.at),onClick:q,children:t.name})},t.at))})}),J(`div`,{class:`toolbar`,children:[J(`h1`,{children:n.name}),(n.zipUrl||n.access===`EDITOR`)&&J(`div`,{class:`toolbar-actions`,children:[n.zipUrl&&J(`a`,{class:`button-link`,href:n.zipUrl,download:`${n.name}.zip`,children:`Download zip`}),n.access===`EDITOR`&&J(y,{children:[J(`label`,{for:`share-upload`,class:`visually-hidden`,children:`Upload files`}),J(`input`,{id:`share-upload`,ref:x,type:`file`,multiple:!0,class:`visually-hidden`,tabIndex:-1,onChange:e=>{let t=e.currentTarget;t.files&&t.files.length>0&&w.add(Array.from(t.files),null),t.value=``}}),J(`button`,{type:`button`,class:`primary`,onClick:()=>x.current?.click(),children:`Upload`})]})]})]}),n.access===`EDITOR`&&J(`div`,{class:`dropzone`,onDragOver:e=>e.preventDefault(),onDrop:e=>{e.preventDefault();let t=e.dataTransfer?.files;t&&t.length>0&&w.add(Array.from(t),null)},children:`You can add files to this folder: drop them here or use Upload.`}),J(gr,{items:m,queue:w}),n.children&&n.children.items.length>0?J(`table`,{class:`entries`,children:[J(`caption`,{class:`visually-hidden`,children:[`Contents of `,n.name]}),J(`thead`,{children:J(`tr`,{children:[J(`th`,{scope:`col`,children:`Name`}),J(`th`,{scope:`col`,class:`num`,children:`Size`}),J(`th`,{scope:`col`,children:`Modified`}),J(`th`,{scope:`col`,children:J(`span`,{class:`visually-hidden`,children:`Actions`})})]})}),J(`tbody`,{children:n.children.items.map(t=>J(`tr`,{"data-entry":t.name,children:[J(`th`,{scope:`row`,class:`name`,children:[J(rr,{folder:t.isFolder}),t.isFolder?J(`a`,{href:Or(e,t.path),onClick:q,children:t.name}):J(`span`,{children:t.name})]}),J(`td`,{class:`num muted`,children:t.isFolder?`—`:G(t.size??0)}),J(`td`,{class:`muted`,children:K(t.modifiedAt)}),J(`td`,{class:`actions`,children:t.downloadUrl&&J(`a`,{class:`button-link`,href:Dr(t.downloadUrl),download:t.name,children:`Download`})})]},t.path))})]}):J(`p`,{class:`empty`,children:`This folder is empty.`}),n.children?.hasMore&&J(`p`,{class:`muted small`,children:`Only the first 100 items are shown.`})]})]})]})}async function Ar(){let e=[],t=null;for(let n=0;n<50;n+=1){let n=(await H(rt,{first:200,after:t})).folder.children;if(e.push(...n.edges.map(e=>e.node).filter(e=>xn(e))),!n.pageInfo.hasNextPage||!n.pageInfo.endCursor)break;t=n.pageInfo.endCursor}return e}function jr(){let[e,t]=z(null),[n,r]=z(null),[i,a]=z(0),o=()=>a(e=>e+1),{buttons:s,dialog:c}=tr(o);return B(()=>(window.addEventListener($,o),()=>window.removeEventListener($,o)),[]),B(()=>{let e=!0;return Ar().then(n=>e&&(t(n),r(null))).catch(t=>e&&r(X(t))),()=>{e=!1}},[i]),J(`div`,{children:[J(`div`,{class:`toolbar`,children:J(`h1`,{children:`Shared with me`})}),n&&J(`p`,{role:`alert`,class:`form-error`,children:n}),e===null?J(`p`,{class:`muted`,children:`Loading…`}):J(ar,{caption:`Folders shared with you`,entries:e,actions:s,empty:J(`p`,{children:`Nobody shares a folder with you yet. When someone does, it shows here and in All files.`})}),c]})}function Mr(e=navigator.userAgent){return`Web app (${/Edg\//.test(e)?`Edge`:/Firefox\//.test(e)?`Firefox`:/Chrom(e|ium)\//.test(e)?`Chrome`:/Safari\//.test(e)?`Safari`:`a browser`})`}async function Nr(){try{let e=(await H(xt)).sessions,t=e.find(e=>e.current),n=Be();n&&n!==t?.id&&e.some(e=>e.id===n)&&await H(St,{id:n}),t&&Ve(t.id)}catch{}}function Pr({info:e}){let[t,n]=z(``),[r,i]=z(``),[a,o]=z(null),[s,c]=z(!1),[l,u]=z(null),[d,f]=z(!1);async function p(n){c(!0),o(null);try{let i={username:t.trim(),password:r,deviceName:Mr()},a=n===`login`?(await H(tt,i)).login:(await H(et,{...i,inviteCode:l?.trim()||null})).signup;if(a.__typename===`AuthPayload`){on(i.username),Re(a.token,d),Nr();return}if(a.__typename===`InvalidCredentialsError`&&e?.storageBackend===`memory`&&sn(i.username)){o(cn);return}if(a.__typename===`SignupRefusedError`&&a.policy===`invite`&&l===null){u(``),o(`This server needs an invite code to create an account: enter yours below.`);return}o(Y(a))}catch(e){o(X(e))}finally{c(!1)}}return J(`main`,{class:`signin`,children:J(`div`,{class:`signin-card`,children:[J(`h1`,{class:`brand`,children:[J(`span`,{class:`brand-mark`,"aria-hidden":`true`}),` dropbox-lite`]}),J(`p`,{class:`muted`,children:`Your files, on your own server.`}),J(`form`,{onSubmit:e=>{e.preventDefault(),p(`login`)},children:[J(`label`,{for:`username`,children:`Username`}),J(`input`,{id:`username`,name:`username`,autocomplete:`username`,required:!0,value:t,onInput:e=>n(e.currentTarget.value)}),J(`label`,{for:`password`,children:`Password`}),J(`input`,{id:`password`,name:`password`,type:`password`,autocomplete:`current-password`,required:!0,value:r,onInput:e=>i(e.currentTarget.value)}),J(`label`,{class:`checkbox`,for:`stay`,children:[J(`input`,{id:`stay`,type:`checkbox`,checked:d,onChange:e=>f(e.currentTarget.checked)}),`Stay signed in`]}),l!==null&&J(y,{children:[J(`label`,{for:`invite-code`,children:`Invite code`}),J(`input`,{id:`invite-code`,name:`invite-code`,autocomplete:`off`,value:l,onInput:e=>u(e.currentTarget.value)})]}),a&&J(`p`,{role:`alert`,class:`form-error`,children:a}),J(`div`,{class:`signin-actions`,children:[J(`button`,{type:`submit`,class:`primary`,disabled:s,children:`Sign in`}),e?.signupPolicy!==`closed`&&J(`button`,{type:`button`,disabled:s,onClick:e=>{let t=e.currentTarget.form;(!t||t.reportValidity())&&p(`signup`)},children:`Create account`})]}),e?.signupPolicy===`closed`?J(`p`,{class:`muted small`,children:`This server's administrator creates its accounts.`}):J(`p`,{class:`muted small`,children:[`New here? Choose a username (3 to 32 letters, digits, `,J(`code`,{children:`.`}),` `,J(`code`,{children:`_`}),` `,J(`code`,{children:`-`}),`) and a password of at least 8 characters, then Create account.`]})]})]})})}function Fr(){let[e,t]=z(null),[n,r]=z(null),[i,a]=z(!1),[o,s]=z(null),[c,l]=z(!1),[u,d]=z(0),f=()=>d(e=>e+1);async function p(e,n){try{let i=(await H(ot,{first:100,after:e})).trash;t([...n,...i.edges.map(e=>e.node)]),r(i.pageInfo.endCursor),a(i.pageInfo.hasNextPage)}catch(e){Z(X(e),`error`)}}B(()=>{p(null,[])},[u]);async function m(e){try{let t=(await H(ft,{id:e.id})).restoreEntry;t.__typename===`File`||t.__typename===`Folder`?(Z(`Restored “${e.name}” to ${t.path}.`),f(),Xn()):Z(Y(t),`error`)}catch(e){Z(X(e),`error`)}}return J(`div`,{children:[J(`div`,{class:`toolbar`,children:[J(`h1`,{children:`Trash`}),J(`div`,{class:`toolbar-actions`,children:J(`button`,{type:`button`,class:`danger-text`,disabled:!e||e.length===0,onClick:()=>l(!0),children:[J(`span`,{class:`i i-delete`,"aria-hidden":`true`}),`Empty trash`]})})]}),J(`p`,{class:`muted`,children:`Deleted files and folders stay here until you delete them forever. What was deleted in a folder shared with you is its owner's to delete forever.`}),e===null?J(`p`,{class:`muted`,children:`Loading…`}):J(ar,{caption:`Trash`,entries:e,showPath:!0,showDeleted:!0,empty:J(`p`,{children:`The trash is empty.`}),actions:e=>{let t=e.shared?.ownerUsername,n=e.shared?.yourRole===`VIEWER`,r=e.shared!=null&&!e.shared.youOwn;return J(Gn,{name:e.name,actions:[{label:`Restore`,icon:`restore`,disabled:n,title:n?`Only ${t} and editors restore this`:void 0,onClick:()=>void m(e)},{label:`Delete forever`,icon:`delete`,danger:!0,disabled:r,title:r?`Only ${t} deletes this forever`:void 0,onClick:()=>s(e)}]})}}),i&&e&&J(`button`,{type:`button`,onClick:()=>void p(n,e),children:`Load more`}),c&&J(zn,{title:`Empty the trash?`,action:`Empty trash`,onClose:()=>l(!1),onConfirm:async()=>{try{let e=(await H(Mt)).emptyTrash;Z(`Deleted ${e} item${e===1?``:`s`} forever.`),f(),Xn()}catch(e){Z(X(e),`error`)}},children:J(`p`,{children:`Everything in the trash that is yours is deleted forever. This cannot be undone.`})}),o&&J(zn,{title:`Delete “${o.name}” forever?`,action:`Delete forever`,onClose:()=>s(null),onConfirm:async()=>{try{await H(pt,{id:o.id}),Z(`Deleted “${o.name}” forever.`),f(),Xn()}catch(e){Z(X(e),`error`)}},children:J(`p`,{children:[`This cannot be undone`,o.__typename===`Folder`?`: the folder and everything in it go`:``,`.`]})})]})}function Ir({me:e}){let{usedBytes:t,quotaBytes:n}=e.usage;return J(`div`,{class:`usage`,children:[J(`span`,{class:`small`,children:zt(t,n)}),n!=null&&n>0&&J(`meter`,{min:0,max:n,value:t,"aria-label":`Storage used`})]})}function Lr({me:e,children:t,query:n,info:r}){let[i,a]=z(n),{pathname:o}=Xt();B(()=>a(n),[n]);let s=e=>o===e?`page`:void 0;return J(`div`,{class:`shell`,children:[J(`header`,{class:`topbar`,children:[J(`a`,{class:`brand`,href:`/`,onClick:q,children:[J(`span`,{class:`brand-mark`,"aria-hidden":`true`}),` dropbox-lite`]}),J(`form`,{role:`search`,class:`search`,onSubmit:e=>{e.preventDefault(),i.trim()&&Yt(`/search?q=${encodeURIComponent(i.trim())}`)},children:[J(`label`,{for:`search`,class:`visually-hidden`,children:`Search`}),J(`input`,{id:`search`,type:`search`,placeholder:`Search files and folders`,value:i,onInput:e=>a(e.currentTarget.value)})]}),J(`div`,{class:`account`,children:[e&&J(`span`,{class:`username`,children:e.username}),J(`button`,{type:`button`,onClick:async()=>{try{await H(nt)}catch{}Re(null),Yt(`/`,!0)},children:`Sign out`})]})]}),J(`div`,{class:`layout`,children:[J(`nav`,{class:`sidebar`,"aria-label":`Main`,children:[J(`ul`,{children:[J(`li`,{children:J(`a`,{href:`/`,onClick:q,"aria-current":o===`/`||o.startsWith(`/browse`)?`page`:void 0,children:[J(`span`,{class:`icon icon-folder`,"aria-hidden":`true`}),`All files`]})}),J(`li`,{children:J(`a`,{href:`/shared`,onClick:q,"aria-current":s(`/shared`),children:[J(`span`,{class:`icon icon-shared`,"aria-hidden":`true`}),`Shared with me`]})}),J(`li`,{children:J(`a`,{href:`/trash`,onClick:q,"aria-current":s(`/trash`),children:[J(`span`,{class:`icon icon-trash`,"aria-hidden":`true`}),`Trash`]})}),J(`li`,{children:J(`a`,{href:`/devices`,onClick:q,"aria-current":s(`/devices`),children:[J(`span`,{class:`icon icon-device`,"aria-hidden":`true`}),`Devices`]})}),J(`li`,{children:J(`a`,{href:`/account`,onClick:q,"aria-current":s(`/account`),children:[J(`span`,{class:`i i-account`,"aria-hidden":`true`}),`Account`]})}),r?.graphiqlEnabled!==!1&&J(`li`,{children:J(`a`,{href:`/graphql`,children:[J(`span`,{class:`icon icon-code`,"aria-hidden":`true`}),`Playground`]})})]}),e&&J(Ir,{me:e})]}),J(`main`,{class:`content`,children:t})]}),J(mn,{})]})}function Rr(){let[e,t]=z(Le()),[n,r]=z(null),i=Xt(),a=nn();B(()=>ze(t),[]),B(()=>{if(!e){r(null);return}let t=()=>H($e).then(e=>r(e.me)).catch(()=>void 0);t(),window.addEventListener($,t);let n=0,i=Qt({token:e,onChange:()=>{window.clearTimeout(n),n=window.setTimeout(Xn,150)}});return()=>{window.removeEventListener($,t),window.clearTimeout(n),i()}},[e]);let{pathname:o,search:s}=i,c=J(ln,{info:a});if(o.startsWith(`/s/`))return J(y,{children:[c,J(kr,{token:o.slice(3),path:s.get(`path`)??``})]});if(!e)return J(y,{children:[c,J(Pr,{info:a})]});let l;return l=o===`/trash`?J(Fr,{}):o===`/shared`?J(jr,{}):o===`/devices`?J(gn,{}):o===`/account`?J(vn,{username:n?.username??null}):o===`/search`?J(Er,{query:s.get(`q`)??``}):J(Tr,{path:Ut(o)}),J(y,{children:[c,J(Lr,{me:n,info:a,query:o===`/search`?s.get(`q`)??``:``,children:l})]})}Ie();var zr=document.getElementById(`app`);zr&&P(J(Rr,{}),zr);