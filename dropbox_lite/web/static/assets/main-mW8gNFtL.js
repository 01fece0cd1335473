var e,t,n,r,i,a,o,s,c,l,u=Symbol.for(`pv`),d={},f=[],p=/^m(i|n|o|s|text|space)$/,m=Array.isArray,h=f.slice,g=Object.assign;function _(e){e&&e.parentNode&&e.remove()}function v(n,r,i,a,o){var s={type:n,props:r,key:i,ref:a,__k:null,__:null,__b:0,__e:null,__c:null,constructor:u,__v:o||++t,__i:-1,__u:0};return!o&&e.vnode&&e.vnode(s),s}function y(e){return e.children}function b(e,t){this.props=e,this.context=t,this.__g=0}function x(e,t){if(t==null)return e.__&&x(e.__,e.__i+1);for(var n;t<e.__k.length;t++)if((n=e.__k[t])&&n.__e)return n.__e;return typeof e.type!=`function`||e.props.__P?null:x(e)}function S(t){var n,r=t.__v,i=r.__e,a=[],o=[],s=t.__P;s&&((n=g({constructor:u},r)).__v=r.__v+1,e.vnode&&e.vnode(n),M(s,n,r,t.__n,s.namespaceURI,32&r.__u?[i]:null,a,i||x(r),32&r.__u,o),n.__v=r.__v,n.__.__k[n.__i]=n,N(a,n,o),r.__=r.__e=null,n.__e!=i&&C(n))}function C(e){if((e=e.__)&&e.__c&&!e.props.__P)return e.__e=null,e.__k.some(function(t){return t&&(e.__e=t.__e)}),C(e)}function w(t){(8&t.__g||(t.__g|=8,n.push(t),i++))&&r==e.debounceRendering||((r=e.debounceRendering)||queueMicrotask)(T)}function T(){try{for(var e,t=1;n.length;)n.length>t&&n.sort(a),e=n.shift(),t=n.length,8&e.__g&&S(e)}finally{(i=n.length)&&(r||queueMicrotask)(T)}}function E(e,t,n,r,i,a,o,s,c,l,u){var p,m,h,g,_,v,y=r.__k||f,b=t.length;for(c=D(n,t,y,c,b),p=0;p<b;p++)(h=n.__k[p])!=null&&(m=~h.__i&&y[h.__i]||d,h.__i=p,v=M(e,h,m,i,a,o,s,c,l,u),g=h.__e,(m.ref!=h.ref||8&m.__u)&&(m.ref&&ie(m.ref,null,h,m),h.ref&&u.push(h.ref,h.__c||g,h)),_||=g,4&h.__u?(c=O(h,c,e,!m.__v),m.__e&&(m.__e=null)):typeof h.type==`function`&&v!==void 0?c=v:g&&(c=g.nextSibling),h.__u&=-21);return n.__e=_,c}function D(e,t,n,r,i){var a,o,s,c,l,d,f,p,h,g=n.length,_=g,b=0,S=0,C=e.__k=Array(i);for(a=0;a<i;a++)(o=t[a])!=null&&typeof o!=`boolean`&&typeof o!=`function`?(typeof o!=`object`||o.constructor===String?o=C[a]=v(null,o):m(o)?o=C[a]=v(y,{children:o}):o.constructor===u&&o.__b?o=C[a]=v(o.type,o.props,o.key,o.ref,o.__v):C[a]=o,c=a+b,o.__=e,o.__b=e.__b+1,s=null,~(l=o.__i=k(o,n,c,_))&&(_--,(s=n[l])&&(s.__u|=2)),s&&s.__v?(o.__u|=16,l==c-1?b--:l==c+1?b++:l!=c&&(l>c?b--:b++,S=1)):(~l||(i>g?b--:i<g&&b++),typeof o.type!=`function`&&(o.__u|=4))):C[a]=null;if(S){for(d=[],f=[],a=0;a<i;a++)if((o=C[a])&&16&o.__u){for(b=0,p=d.length;b<p;)d[h=b+p>>1]<o.__i?b=h+1:p=h;d[b]=o.__i,f[a]=b+1}for(b=d.length;a--;)f[a]&&(f[a]==b?b--:C[a].__u|=4)}if(_)for(a=0;a<g;a++)!(s=n[a])||2&s.__u||(s.__e==r&&(r=x(s)),ae(s,s));return r}function O(e,t,n,r){var i,a,o,s;if(typeof e.type==`function`){if(e.props.__P)return t;if(i=e.__k)for(a=0;a<i.length;a++)i[a]&&(i[a].__=e,t=O(i[a],t,n,!1));return t}for(t&&!t.parentNode&&(t=x(e))&&!t.parentNode&&(t=null),o=e.__e,s=t;s&&s.nodeType==8;)s=s.nextSibling;for(o!=s&&(!r&&n.moveBefore&&o.parentNode?n.moveBefore(o,t):n.insertBefore(o,t||null)),t=o;(t&&=t.nextSibling)&&t.nodeType==8&&!t.data.startsWith(`$s`););return t}function k(e,t,n,r){var i,a=e.key,o=e.type,s=t[n],c=s&&!(2&s.__u);if(s===null&&a==null||c&&a==s.key&&o==s.type)return n;if(r>+!!c){for(i=n-1;i>=0;i--)if((s=t[i])&&!(2&s.__u)&&a==s.key&&o==s.type)return i;for(i=n+1;i<t.length;i++)if((s=t[i])&&!(2&s.__u)&&a==s.key&&o==s.type)return i}return-1}function A(e,t,n){n??=``,t[0]==`-`?e.setProperty(t,n):e[t]=n}function j(e,t,n,r,i){var a,o;if(t==`style`){if(typeof n==`string`)e.style.cssText=n;else{if(typeof r==`string`&&(e.style.cssText=r=``),r)for(t in r)n&&t in n||A(e.style,t);if(n)for(t in n)r&&n[t]==r[t]||A(e.style,t,n[t])}}else if(t[0]==`o`&&t[1]==`n`)typeof n!=`function`&&(n=null),typeof r!=`function`&&(r=null),(e.__e||={})[t]=n,n&&r||(o=l[t]||(l[t]=ee(t)),(e.__a||={})[t]=c,a=t!=(t=t.replace(s,`$1`)),(t=t.slice(2))[0]<`a`&&(t=t.toLowerCase()),n?e.addEventListener(t,o,a):e.removeEventListener(t,o,a));else{if(i==`http://www.w3.org/2000/svg`)t=t.replace(/xlink(H|:h)/,`h`).replace(/sName$/,`s`);else if(t!=`width`&&t!=`height`&&t!=`href`&&t!=`list`&&t!=`form`&&t!=`tabIndex`&&t!=`download`&&t!=`rowSpan`&&t!=`colSpan`&&t!=`role`&&t!=`popover`&&t in e)try{e[t]=n??``;return}catch{}if(typeof n==`function`)return;n==null||!1===n&&t[4]!=`-`?e.removeAttribute(t):e.setAttribute(t,t==`popover`&&n==1?``:n)}}function ee(t){return function(n){var r=this.__e;if(r){if(r=r[t],n[o]==null)n[o]=c++;else if(n[o]<this.__a[t])return;return r(e.event?e.event(n):n)}}}function M(t,n,r,i,a,o,s,c,l,d){var p,h,v,S,C,w,T,D,O,k,A,j,ee,M,N,ie,F,I,L=n.type;if(n.constructor!==u)return null;128&r.__u&&(l=32&r.__u,p=r.__c.__z)&&(n.__u|=l,h=o=[],p.nodeType==8?c=te(p,o):o.push(p),c=o[0]||c),(p=e.__b)&&p(n);n:if(typeof L==`function`){v=s.length;try{if(D=n.props,O=(p=L.prototype)&&p.render,k=(p=L.contextType)&&i[p.__c],A=p?k?k.props.value:p.__:i,(S=r.__c)?(n.__c=S,2&S.__g&&(S.__g|=1)):(O?n.__c=S=new L(D,A):(n.__c=S=new b(D,A),S.constructor=L,S.render=P),k&&k.sub(S),S.state||(S.state={}),S.__n=i,S.__g|=8,S.__h=[],S.__k=[]),O&&(S.__s||(S.__s=S.state),L.getDerivedStateFromProps&&(S.__s==S.state&&(S.__s=g({},S.__s)),g(S.__s,L.getDerivedStateFromProps(D,S.__s)))),C=S.props,w=S.state,S.__v=n,r.__c){if(D!==C&&O&&!L.getDerivedStateFromProps&&S.componentWillReceiveProps&&S.componentWillReceiveProps(D,A),n.__v==r.__v&&!(8&S.__g)||!(4&S.__g)&&S.shouldComponentUpdate&&!1===S.shouldComponentUpdate(D,S.__s,A)){n.__v!=r.__v&&(S.props=D,S.state=S.__s,S.__g&=-9),n.__e=r.__e,n.__k=r.__k,n.__k.some(function(e){e&&(e.__=n)}),f.push.apply(S.__h,S.__k),S.__k=[],S.__h.length&&s.push(S),c=x(r);break n}S.componentWillUpdate&&S.componentWillUpdate(D,S.__s,A),O&&S.componentDidUpdate&&S.__h.push(function(){S.componentDidUpdate(C,w,T)})}else O&&!L.getDerivedStateFromProps&&S.componentWillMount&&S.componentWillMount(),O&&S.componentDidMount&&S.__h.push(S.componentDidMount);S.context=A,S.props=D,S.__P=t,S.__g&=-5,j=e.__r,ee=O?25:0;do S.__g&=-9,j&&j(n),p=S.render(S.props,S.state=S.__s,S.context);while(8&S.__g&&++ee<25);O&&(f.push.apply(S.__h,S.__k),S.__k=[]),S.state=S.__s,S.getChildContext&&(i=g({},i,S.getChildContext())),O&&r.__c&&S.getSnapshotBeforeUpdate&&(T=S.getSnapshotBeforeUpdate(C,w)),M=p&&p.type===y&&p.key==null?p.props.children:p,D.__P&&(p=c,a=(t=D.__P).namespaceURI,l=o=null,r.props&&r.props.__P!=t&&(r.__k.some(function(e){e&&ae(e,e)}),r.__k=null),c=r.__k?x(r,0):null),c=E(t,m(M)?M:[M],n,r,i,a,o,s,c,l,d),D.__P&&(n.__e=null,c=p),n.__u&=-161,h&&h.some(_),S.__h.length&&s.push(S),1&S.__g&&(S.__g&=-4)}catch(t){if(s.length=v,n.__v=null,l||o){if(t&&t.then){if(n.__u|=128|l,o){for(~(F=o.indexOf(c||void 0))||(F=o.length);(I=o[F-1])&&I.nodeType==8;)F--;for(;F<o.length;F++)if(I=o[F]){if(o[F]=null,N){if(I==ie)break}else{if(I.nodeType!=8)break;I.data.startsWith(`$s`)&&(ie=te(N=I))}}}if(!N){for(;c&&c.nodeType==8&&c.nextSibling;)c=c.nextSibling;N=c}(p=te(N=n.__c.__z||(n.__c.__z=N)))?(n.__e=N,c=p):n.__e=c,c&&=c.nextSibling}else o&&o.some(_)}else n.__e=r.__e;n.__k||=r.__k||[],t&&t.then||ne(n),e.__e(t,n,r)}}else c=n.__e=re(r.__e,n,r,i,a,o,s,l,d,t);return(p=e.diffed)&&p(n),c}function te(e,t){if(e&&e.nodeType==8&&e.data.startsWith(`$s`))for(var n=1;e=e.nextSibling;){if(e.nodeType==8){if(e.data.startsWith(`$s`))n++;else if(e.data.startsWith(`/$s`)&&!--n)return e}t&&t.push(e)}}function ne(e){e&&(e.__c&&(e.__c.__g|=4),e.__k&&e.__k.some(ne))}function N(t,n,r){for(var i=0;i<r.length;)ie(r[i++],r[i++],r[i++]);e.__c&&e.__c(n,t),t.some(function(n){try{t=n.__h,n.__h=[],t.some(function(e){e.call(n)})}catch(t){e.__e(t,n.__v)}})}function re(t,n,r,i,a,o,s,c,l,u){var f,g,v,y,b,S,C,w,T=r.props||d,D=n.props,O=n.type;if(O==`svg`?a=`http://www.w3.org/2000/svg`:O==`math`?a=`http://www.w3.org/1998/Math/MathML`:a||=`http://www.w3.org/1999/xhtml`,o){for(f=0;f<o.length;f++)if((b=o[f])&&(O?b.localName==O:b.nodeType==3)){t=b,o[f]=null;break}}if(!t){if(w=u.ownerDocument||document,!O)return w.createTextNode(D);t=w.createElementNS(a,O,D.is?D:u),c&&=(e.__m&&e.__m(n,o),!1),o=null}if(O){if(u=O==`template`&&t.content||t,o=O==`textarea`&&D.defaultValue!=null?null:o&&h.call(u.childNodes),!c&&o)for(T={},f=0;f<t.attributes.length;f++)T[(b=t.attributes[f]).name]=b.value;for(f in T)b=T[f],f==`dangerouslySetInnerHTML`?v=b:f==`children`||f in D||f==`value`&&`defaultValue`in D||f==`checked`&&`defaultChecked`in D||j(t,f,null,b,a);for(f in D)b=D[f],f==`children`?y=b:f==`dangerouslySetInnerHTML`?g=b:f==`value`?S=b:f==`checked`?C=b:c&&typeof b!=`function`||T[f]===b||j(t,f,b,T[f],a);g?(c||v&&(g.__html==v.__html||g.__html==t.innerHTML)||(t.innerHTML=g.__html),n.__k=[]):(v&&(t.textContent=``),(O==`foreignObject`||a==`http://www.w3.org/1998/Math/MathML`&&p.test(O))&&(a=`http://www.w3.org/1999/xhtml`),E(u,m(y)?y:[y],n,r,i,a,o,s,o?o[0]:r.__k&&x(r,0),c,l),o&&o.some(_)),c&&O!=`textarea`||(f=`value`,O==`progress`&&S==null?t.removeAttribute(f):S==null||S===t[f]&&(O!=`progress`||S)||j(t,f,S,T[f],a),f=`checked`,C!=null&&C!=t[f]&&j(t,f,C,T[f],a))}else T===D||c&&t.data==D||(t.data=D);return t}function ie(t,n,r,i){try{typeof t==`function`?n?n.__x=t(n)||1:(i&&=i.__c||i.__e)&&(n=i.__x)&&(i.__x=null,typeof n==`function`?n():t(null)):t.current=n}catch(t){e.__e(t,r)}}function ae(t,n,r){var i,a,o,s;if(e.unmount&&e.unmount(t),!(i=t.ref)||i.current&&i.current!=t.__e||ie(i,null,n,t),i=t.__c){if(i.componentWillUnmount)try{i.componentWillUnmount()}catch(t){e.__e(t,n)}i.__P=i.__n=null}if(i=t.__k)for(s=0;s<i.length;s++)i[s]&&ae(i[s],n,typeof t.type!=`function`||r&&!t.props.__P);!r&&(i=t.__c)&&(i=i.__z)&&(a=te(i,o=[]))&&(i==t.__e&&o.some(_),_(a),_(i)),r||_(t.__e),t.__e=t.__c=t.__=null}function P(e,t,n){return this.constructor(e,n)}function F(t,n){var r,i,a,o;e.__&&e.__(t,n),n.nodeType==9&&(n=n.documentElement),i=(r=t&&32&t.__u)?null:n.__k,n.__k=v(y,{children:[t]}),a=[],o=[],M(n,n.__k,i||d,d,n.namespaceURI,i?null:n.firstChild?h.call(n.childNodes):null,a,i?i.__e:n.firstChild,r,o),N(a,n.__k,o),n.__k.props.children=null}e={__e:function(e,t,n,r){for(var a,o,s;t=t.__;)if((a=t.__c)&&!(1&a.__g)){a.__g|=4;try{if((s=(o=a.constructor)&&o.getDerivedStateFromError)&&a.setState(o.getDerivedStateFromError(e)),a.componentDidCatch&&(a.componentDidCatch(e,r||{}),s=1),s&&8&a.__g)return void(a.__g|=2)}catch(t){e=t}}throw i=0,e}},t=0,b.prototype.setState=function(e,t){var n=this.__s;n&&n!=this.state||(n=this.__s=g({},this.state)),typeof e==`function`&&(e=e(g({},n),this.props)),e&&(g(n,e),this.__v&&(t&&this.__k.push(t),w(this)))},b.prototype.forceUpdate=function(e){this.__v&&(this.__g|=4,e&&this.__h.push(e),w(this))},b.prototype.render=y,n=[],i=0,a=function(e,t){return e.__v.__b-t.__v.__b},o=Symbol(),s=/(PointerCapture)$|Capture$/i,c=0,l={};var I,L,oe,se,R=Object.is,ce=0,le=[],ue=[],z=e,de=z.__b,fe=z.__r,pe=z.diffed,me=z.__c,he=z.unmount,ge=z.__;function _e(e,t){z.__h&&z.__h(L,e,ce||t),ce=0;var n=L.__H||(L.__H={__:[],__h:[]});return e>=n.__.length&&n.__.push({}),n.__[e]}function B(e){return ce=1,ve(ke,e)}function ve(e,t,n){var r=_e(I++,2);if(r.t=e,!r.__c&&(r.__=[n?n(t):ke(void 0,t),function(e){var t=(r.__N||r.__)[0],n=r.t(t,e);R(t,n)||(r.__N=[n,r.__[1]],r.__c.setState({}))}],r.__c=L,!L.__f)){L.__f=!0;var i=L.shouldComponentUpdate;L.shouldComponentUpdate=function(e,t,n){var r=this.__H;if(!r)return!0;var a=!1,o=this.props!=e;if(r.__.some(function(e){e.__N&&(a=!0,R(e.__[0],e.__N[0])||(o=!0))}),i){var s=i.call(this,e,t,n);return a?s||o:s}return!a||o}}return r.__}function V(e,t){var n=_e(I++,3);!z.__s&&Oe(n.__H,t)&&(n.__P=!0,n.__=e,n.u=t,L.__H.__h.push(n))}function H(e){return ce=5,ye(function(){return{current:e}},[])}function ye(e,t){var n=_e(I++,7);return Oe(n.__H,t)&&(n.__=e(),n.__H=t),n.__}function be(e,t){return ce=8,ye(function(){return e},t)}function xe(){var e=_e(I++,11);if(!e.__){for(var t=L.__v;!t.__m&&t.__;)t=t.__;var n=t.__m||(t.__m=[0,0]);e.__=`P`+n[0]+`-`+n[1]++}return e.__}function Se(){var e;do{for(;e=ue.shift();)try{Ee(e)}catch(t){z.__e(t,{__:(e=e.__P)&&e.__v})}for(;e=le.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(Ee),t.__h.some(De),t.__h=[]}catch(n){t.__h=[],z.__e(n,e.__v)}}}while(ue.length)}z.__b=function(e){L=null,de&&de(e)},z.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),ge&&ge(e,t)},z.__r=function(e){fe&&fe(e),I=0;var t=(L=e.__c).__H;t&&(oe==L?L.__h=[]:(t.__h.some(Ee),t.__h.some(De),I=0),t.__h=[],t.__.some(function(e){e.__N&&(e.__=e.__N),e.u=e.__N=void 0})),oe=L},z.diffed=function(e){pe&&pe(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&Te(le.push(t)),t.__H.__.some(function(e){e.u&&(e.__H=e.u)})),oe=L=null},z.__c=function(e,t){t.some(function(e){try{e.__h.some(Ee),e.__h=e.__h.filter(function(e){return!e.__||De(e)})}catch(t){e.__h=[function(){throw t}]}}),me&&me(e,t)},z.unmount=function(e){he&&he(e);var t,n,r=e.__c;r&&r.__H&&(r.__H.__.some(function(r){try{if(r.__P&&r.__c){if(n===void 0){for(n=e.__;n&&(!n.__c||!n.__c.__P);)n=n.__;n&&=n.__c}r.__P=n,Te(ue.push(r))}else Ee(r)}catch(e){t=e}}),r.__H=void 0,t&&z.__e(t,r.__v))};var Ce=typeof requestAnimationFrame==`function`;function we(e){var t,n=function(){clearTimeout(r),Ce&&cancelAnimationFrame(t),setTimeout(e)},r=setTimeout(n,35);Ce&&(t=requestAnimationFrame(n))}function Te(e){e!=1&&se==z.requestAnimationFrame||((se=z.requestAnimationFrame)||we)(Se)}function Ee(e){var t=L,n=e.__c;typeof n==`function`&&(e.__c=void 0,n()),L=t}function De(e){var t=L;e.__c=e.__(),L=t}function Oe(e,t){return!e||e.length!=t.length||t.some(function(t,n){return!R(t,e[n])})}function ke(e,t){return typeof t==`function`?t(e):t}var Ae=`dropbox-lite.token`,je=null,Me=new Set;function Ne(){try{return window.sessionStorage}catch{return null}}function Pe(){return je=Ne()?.getItem(`dropbox-lite.token`)??null,je}function Fe(){return je}function Ie(e){je=e;let t=Ne();e===null?t?.removeItem(Ae):t?.setItem(Ae,e);for(let t of Me)t(e)}function Le(e){return Me.add(e),()=>Me.delete(e)}var Re=`/graphql`,ze=class extends Error{code;constructor(e,t=null){super(e),this.code=t,this.name=`RequestError`}};function Be(){let e=Fe();return e?{Authorization:`Bearer ${e}`}:{}}function Ve(e,t){let n=e.errors?.[0];if(n){let e=n.extensions?.code??null;throw e===`UNAUTHENTICATED`&&Fe()&&Ie(null),new ze(n.message||`The server refused the request.`,e)}if(e.data==null)throw new ze(`The server answered ${t}.`);return e.data}function U(e,...[t]){return He(e,t)}async function He(e,t,n){let r;try{r=await fetch(Re,{method:`POST`,headers:{"Content-Type":`application/json`,Accept:`application/json`,...Be()},body:JSON.stringify({query:e.toString(),variables:t??{}}),signal:n})}catch(e){throw n?.aborted?e:new ze(`Could not reach the server. Check the connection and try again.`)}let i;try{i=await r.json()}catch{throw new ze(`The server answered ${r.status} without a result.`)}return Ve(i,r.status)}var Ue=class extends Error{constructor(){super(`Cancelled`),this.name=`UploadCancelled`}};function We(e,t,n,r,i){let a=new FormData;return a.append(`operations`,JSON.stringify({query:e,variables:{...t,[n]:null}})),a.append(`map`,JSON.stringify({0:[`variables.${n}`]})),a.append(`0`,r,i),a}function Ge(e,t,n,r){let i=new XMLHttpRequest;return{promise:new Promise((a,o)=>{i.open(`POST`,Re),i.setRequestHeader(`GraphQL-Require-Preflight`,`1`),i.setRequestHeader(`Accept`,`application/json`);for(let[e,t]of Object.entries(Be()))i.setRequestHeader(e,t);i.responseType=`json`,i.upload.onprogress=e=>{e.lengthComputable&&r(e.loaded,e.total)},i.onload=()=>{let e=i.response;if(!e)o(new ze(`The server answered ${i.status} without a result.`));else try{a(Ve(e,i.status))}catch(e){o(e)}},i.onerror=()=>o(new ze(`The upload failed: the connection was lost.`)),i.onabort=()=>o(new Ue),i.send(We(e.toString(),t,`file`,n,n.name))}),cancel:()=>i.abort()}}var W=class extends String{__apiType;value;__meta__;constructor(e,t){super(e),this.value=e,this.__meta__=t}toString(){return this.value}},Ke=new W(`
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
  }
}
    `,{fragmentName:`EntryFields`}),qe=new W(`
    fragment FolderMemberFields on FolderMember {
  user {
    username
  }
  role
  isOwner
}
    `,{fragmentName:`FolderMemberFields`}),Je={"\n  fragment EntryFields on Entry {\n    __typename\n    id\n    name\n    path\n    parentId\n    modifiedAt\n    trashed\n    trashedAt\n    shared {\n      ownerUsername\n      yourRole\n      youOwn\n      folderId\n    }\n    ... on File {\n      size\n      rev\n      mimeType\n    }\n  }\n":Ke,"\n  query Me {\n    me {\n      id\n      username\n      usage {\n        usedBytes\n        quotaBytes\n      }\n    }\n  }\n":new W(`
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
    `),"\n  mutation Signup($username: String!, $password: String!, $deviceName: String, $inviteCode: String) {\n    signup(username: $username, password: $password, deviceName: $deviceName, inviteCode: $inviteCode) {\n      __typename\n      ... on AuthPayload {\n        token\n        user {\n          id\n          username\n        }\n      }\n      ... on SignupRefusedError {\n        policy\n      }\n      ... on RateLimitedError {\n        retryAfterSeconds\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new W(`
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
    `),"\n  mutation Login($username: String!, $password: String!, $deviceName: String) {\n    login(username: $username, password: $password, deviceName: $deviceName) {\n      __typename\n      ... on AuthPayload {\n        token\n        user {\n          id\n          username\n        }\n      }\n      ... on RateLimitedError {\n        retryAfterSeconds\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new W(`
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
    `),"\n  mutation Logout {\n    logout\n  }\n":new W(`
    mutation Logout {
  logout
}
    `),"\n  query RootFolder($first: Int!, $after: String) {\n    folder {\n      ...EntryFields\n      children(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...EntryFields\n          }\n        }\n      }\n    }\n  }\n":new W(`
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
  }
}`),"\n  query FolderByPath($path: String!, $first: Int!, $after: String) {\n    entry(path: $path) {\n      ...EntryFields\n      ... on Folder {\n        children(first: $first, after: $after) {\n          totalCount\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n          edges {\n            node {\n              ...EntryFields\n            }\n          }\n        }\n      }\n    }\n  }\n":new W(`
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
  }
}`),"\n  query Search($query: String!) {\n    search(query: $query, first: 100) {\n      ...EntryFields\n    }\n  }\n":new W(`
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
  }
}`),"\n  query Trash($first: Int!, $after: String) {\n    trash(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...EntryFields\n        }\n      }\n    }\n  }\n":new W(`
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
  }
}`),"\n  mutation CreateFolder($parentId: ID, $name: String!) {\n    createFolder(parentId: $parentId, name: $name) {\n      __typename\n      ... on Folder {\n        id\n        name\n        path\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new W(`
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
    `),"\n  mutation RenameEntry($id: ID!, $name: String!) {\n    renameEntry(id: $id, name: $name) {\n      __typename\n      ... on Entry {\n        id\n        name\n        path\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new W(`
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
    `),"\n  mutation MoveEntry($id: ID!, $parentId: ID!, $name: String) {\n    moveEntry(id: $id, parentId: $parentId, name: $name) {\n      __typename\n      ... on Entry {\n        id\n        path\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new W(`
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
    `),"\n  mutation CopyEntry($id: ID!, $parentId: ID!, $name: String) {\n    copyEntry(id: $id, parentId: $parentId, name: $name) {\n      __typename\n      ... on Entry {\n        id\n        path\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new W(`
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
    `),"\n  mutation DeleteEntry($id: ID!) {\n    deleteEntry(id: $id) {\n      __typename\n      ... on Entry {\n        id\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new W(`
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
    `),"\n  mutation RestoreEntry($id: ID!) {\n    restoreEntry(id: $id) {\n      __typename\n      ... on Entry {\n        id\n        path\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new W(`
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
    `),"\n  mutation PurgeEntry($id: ID!) {\n    purgeEntry(id: $id)\n  }\n":new W(`
    mutation PurgeEntry($id: ID!) {
  purgeEntry(id: $id)
}
    `),"\n  query FolderLookup($path: String!) {\n    entry(path: $path) {\n      __typename\n      id\n      path\n      ... on Folder {\n        children(first: 200) {\n          edges {\n            node {\n              __typename\n              id\n              name\n              path\n            }\n          }\n        }\n      }\n    }\n  }\n":new W(`
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
    `),"\n  query DownloadUrl($id: ID!) {\n    entry(id: $id) {\n      ... on File {\n        downloadUrl(expiresIn: 300)\n      }\n    }\n  }\n":new W(`
    query DownloadUrl($id: ID!) {
  entry(id: $id) {
    ... on File {
      downloadUrl(expiresIn: 300)
    }
  }
}
    `),"\n  query Revisions($id: ID!) {\n    entry(id: $id) {\n      ... on File {\n        id\n        rev\n        revisions(first: 50) {\n          rev\n          size\n          createdAt\n          downloadUrl\n        }\n      }\n    }\n  }\n":new W(`
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
    `),"\n  mutation RestoreRevision($fileId: ID!, $rev: Int!) {\n    restoreRevision(fileId: $fileId, rev: $rev) {\n      __typename\n      ... on File {\n        id\n        rev\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new W(`
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
    `),"\n  query ShareLinks($entryId: ID!) {\n    shareLinks(entryId: $entryId) {\n      id\n      access\n      expiresAt\n      hasPassword\n      createdAt\n      downloadCount\n    }\n  }\n":new W(`
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
    `),"\n  mutation CreateShareLink(\n    $entryId: ID!\n    $access: ShareAccess\n    $expiresAt: DateTime\n    $password: String\n  ) {\n    createShareLink(entryId: $entryId, access: $access, expiresAt: $expiresAt, password: $password) {\n      __typename\n      ... on ShareLinkCreated {\n        url\n        link {\n          id\n        }\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new W(`
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
    `),"\n  mutation RevokeShareLink($id: ID!) {\n    revokeShareLink(id: $id)\n  }\n":new W(`
    mutation RevokeShareLink($id: ID!) {
  revokeShareLink(id: $id)
}
    `),"\n  query Sessions {\n    sessions {\n      id\n      deviceName\n      createdAt\n      lastSeenAt\n      current\n    }\n  }\n":new W(`
    query Sessions {
  sessions {
    id
    deviceName
    createdAt
    lastSeenAt
    current
  }
}
    `),"\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n":new W(`
    mutation RevokeSession($id: ID!) {
  revokeSession(id: $id)
}
    `),"\n  mutation UploadFile($file: Upload!, $parentId: ID, $mode: WriteMode, $autorename: Boolean) {\n    uploadFile(file: $file, parentId: $parentId, mode: $mode, autorename: $autorename) {\n      __typename\n      ... on File {\n        id\n        name\n        path\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new W(`
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
    `),"\n  query SharedLink($token: String!, $password: String, $path: String, $after: String) {\n    sharedLink(token: $token, password: $password, path: $path) {\n      __typename\n      ... on SharedEntry {\n        name\n        path\n        isFolder\n        size\n        modifiedAt\n        access\n        expiresAt\n        downloadUrl\n        children(first: 100, after: $after) {\n          items {\n            name\n            path\n            isFolder\n            size\n            modifiedAt\n            downloadUrl\n          }\n          cursor\n          hasMore\n        }\n      }\n      ... on RateLimitedError {\n        retryAfterSeconds\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new W(`
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
    `),"\n  mutation UploadToShareLink($token: String!, $password: String, $file: Upload!) {\n    uploadToShareLink(token: $token, password: $password, file: $file) {\n      __typename\n      ... on File {\n        name\n        path\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new W(`
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
    `),"\n  fragment FolderMemberFields on FolderMember {\n    user {\n      username\n    }\n    role\n    isOwner\n  }\n":qe,"\n  query FolderMembers($id: ID!) {\n    me {\n      username\n    }\n    entry(id: $id) {\n      __typename\n      id\n      name\n      path\n      shared {\n        ownerUsername\n        yourRole\n        youOwn\n        folderId\n      }\n      ... on Folder {\n        members {\n          ...FolderMemberFields\n        }\n      }\n    }\n  }\n":new W(`
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
}`),"\n  mutation ShareFolder($folderId: ID!, $username: String!, $role: MemberRole!) {\n    shareFolder(folderId: $folderId, username: $username, role: $role) {\n      __typename\n      ... on Folder {\n        id\n        members {\n          ...FolderMemberFields\n        }\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new W(`
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
}`),"\n  mutation UpdateMember($folderId: ID!, $username: String!, $role: MemberRole!) {\n    updateMember(folderId: $folderId, username: $username, role: $role) {\n      __typename\n      ... on Folder {\n        id\n        members {\n          ...FolderMemberFields\n        }\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new W(`
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
}`),"\n  mutation RemoveMember($folderId: ID!, $username: String!) {\n    removeMember(folderId: $folderId, username: $username)\n  }\n":new W(`
    mutation RemoveMember($folderId: ID!, $username: String!) {
  removeMember(folderId: $folderId, username: $username)
}
    `),"\n  mutation LeaveFolder($folderId: ID!) {\n    leaveFolder(folderId: $folderId)\n  }\n":new W(`
    mutation LeaveFolder($folderId: ID!) {
  leaveFolder(folderId: $folderId)
}
    `),"\n  query EntryName($path: String!) {\n    entry(path: $path) {\n      __typename\n      id\n    }\n  }\n":new W(`
    query EntryName($path: String!) {
  entry(path: $path) {
    __typename
    id
  }
}
    `),"\n  mutation EmptyTrash {\n    emptyTrash\n  }\n":new W(`
    mutation EmptyTrash {
  emptyTrash
}
    `),"\n  query ServerInfo {\n    serverInfo {\n      storageBackend\n      signupPolicy\n      graphiqlEnabled\n    }\n  }\n":new W(`
    query ServerInfo {
  serverInfo {
    storageBackend
    signupPolicy
    graphiqlEnabled
  }
}
    `),"\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      __typename\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new W(`
    mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
    __typename
    ... on Error {
      message
      code
    }
  }
}
    `),"\n  query LatestCursor {\n    latestCursor\n  }\n":new W(`
    query LatestCursor {
  latestCursor
}
    `),"\n  subscription LiveChanges($cursor: String) {\n    changes(cursor: $cursor) {\n      cursor\n      changes {\n        __typename\n      }\n    }\n  }\n":new W(`
    subscription LiveChanges($cursor: String) {
  changes(cursor: $cursor) {
    cursor
    changes {
      __typename
    }
  }
}
    `)};function G(e){return Je[e]??{}}G(`
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
    }
  }
`);var Ye=G(`
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
`),Xe=G(`
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
`),Ze=G(`
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
`),Qe=G(`
  mutation Logout {
    logout
  }
`),$e=G(`
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
`),et=G(`
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
`),tt=G(`
  query Search($query: String!) {
    search(query: $query, first: 100) {
      ...EntryFields
    }
  }
`),nt=G(`
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
`),rt=G(`
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
`),it=G(`
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
`),at=G(`
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
`),ot=G(`
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
`),st=G(`
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
`),ct=G(`
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
`),lt=G(`
  mutation PurgeEntry($id: ID!) {
    purgeEntry(id: $id)
  }
`),ut=G(`
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
`),dt=G(`
  query DownloadUrl($id: ID!) {
    entry(id: $id) {
      ... on File {
        downloadUrl(expiresIn: 300)
      }
    }
  }
`),ft=G(`
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
`),pt=G(`
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
`),mt=G(`
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
`),ht=G(`
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
`),gt=G(`
  mutation RevokeShareLink($id: ID!) {
    revokeShareLink(id: $id)
  }
`),_t=G(`
  query Sessions {
    sessions {
      id
      deviceName
      createdAt
      lastSeenAt
      current
    }
  }
`),vt=G(`
  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id)
  }
`),yt=G(`
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
`),bt=G(`
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
`),xt=G(`
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
`);G(`
  fragment FolderMemberFields on FolderMember {
    user {
      username
    }
    role
    isOwner
  }
`);var St=G(`
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
`),Ct=G(`
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
`),wt=G(`
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
`),Tt=G(`
  mutation RemoveMember($folderId: ID!, $username: String!) {
    removeMember(folderId: $folderId, username: $username)
  }
`),Et=G(`
  mutation LeaveFolder($folderId: ID!) {
    leaveFolder(folderId: $folderId)
  }
`),Dt=G(`
  query EntryName($path: String!) {
    entry(path: $path) {
      __typename
      id
    }
  }
`),Ot=G(`
  mutation EmptyTrash {
    emptyTrash
  }
`),kt=G(`
  query ServerInfo {
    serverInfo {
      storageBackend
      signupPolicy
      graphiqlEnabled
    }
  }
`),At=G(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      __typename
      ... on Error {
        message
        code
      }
    }
  }
`),jt=G(`
  query LatestCursor {
    latestCursor
  }
`),Mt=G(`
  subscription LiveChanges($cursor: String) {
    changes(cursor: $cursor) {
      cursor
      changes {
        __typename
      }
    }
  }
`),Nt=[`bytes`,`KB`,`MB`,`GB`,`TB`,`PB`];function K(e){if(!Number.isFinite(e)||e<0)return``;if(e===1)return`1 byte`;let t=e,n=0;for(;t>=1024&&n<Nt.length-1;)t/=1024,n+=1;return`${n===0?String(t):t<10?t.toFixed(1):Math.round(t).toString()} ${Nt[n]}`}function q(e,t=new Date){let n=new Date(e);return Number.isNaN(n.getTime())?``:n.toDateString()===t.toDateString()?n.toLocaleTimeString(void 0,{hour:`2-digit`,minute:`2-digit`}):n.toLocaleDateString(void 0,{year:`numeric`,month:`short`,day:`numeric`})}function Pt(e,t){return t==null?`${K(e)} used`:`${K(e)} of ${K(t)} used`}function Ft(e,t){return t<=0?0:Math.min(100,Math.max(0,Math.round(e/t*100)))}function It(e){let t=Lt(e);return t.length===0?`/`:`/browse/${t.map(encodeURIComponent).join(`/`)}`}function Lt(e){return e.split(`/`).filter(e=>e.length>0)}function Rt(e){return`/${e.replace(/^\/browse\/?/,``).split(`/`).filter(e=>e.length>0).map(e=>{try{return decodeURIComponent(e)}catch{return e}}).join(`/`)}`}function zt(e){let t=Lt(e),n=[{name:`All files`,path:`/`}];return t.forEach((e,r)=>n.push({name:e,path:`/${t.slice(0,r+1).join(`/`)}`})),n}function Bt(e){return`/${Lt(e).slice(0,-1).join(`/`)}`}function Vt(e){return`/${Lt(e.trim()).join(`/`)}`}var Ht=`dropbox-lite:navigate`;function Ut(){return{pathname:window.location.pathname,search:new URLSearchParams(window.location.search)}}function Wt(e,t=!1){t?window.history.replaceState(null,``,e):window.history.pushState(null,``,e),window.dispatchEvent(new Event(Ht))}function Gt(){let[e,t]=B(Ut);return V(()=>{let e=()=>t(Ut());return window.addEventListener(`popstate`,e),window.addEventListener(Ht,e),()=>{window.removeEventListener(`popstate`,e),window.removeEventListener(Ht,e)}},[]),e}function J(e){let t=e.currentTarget;e.button!==0||e.metaKey||e.ctrlKey||e.shiftKey||e.altKey||(e.preventDefault(),Wt(t.getAttribute(`href`)??`/`))}function Kt(){let{protocol:e,host:t}=window.location;return`${e===`https:`?`wss:`:`ws:`}//${t}/graphql`}function qt({token:e,onChange:t}){let n=!1,r=null,i=1e3,a=0;async function o(){let a;try{a=(await U(jt)).latestCursor}catch{s();return}if(n)return;let o=new WebSocket(Kt(),`graphql-transport-ws`);r=o,o.onopen=()=>o.send(JSON.stringify({type:`connection_init`,payload:{Authorization:`Bearer ${e}`}})),o.onmessage=e=>{let n;try{n=JSON.parse(e.data)}catch{return}if(n.type===`connection_ack`)i=1e3,o.send(JSON.stringify({id:`changes`,type:`subscribe`,payload:{query:Mt.toString(),variables:{cursor:a}}}));else if(n.type===`ping`)o.send(JSON.stringify({type:`pong`}));else if(n.type===`next`){let e=n.payload?.data?.changes;e&&e.changes.length>0&&t()}},o.onclose=()=>{r===o&&(r=null),s()}}function s(){n||(window.clearTimeout(a),a=window.setTimeout(()=>void o(),i),i=Math.min(i*2,3e4))}return o(),()=>{n=!0,window.clearTimeout(a),r?.close()}}var Jt=Symbol.for(`pv`),Yt=0;Array.isArray;function Y(t,n,r,i,a,o){n||={};var s,c,l=n;if(`ref`in l&&typeof t!=`function`)for(c in l={},n)c==`ref`?s=n[c]:l[c]=n[c];var u={type:t,props:l,key:r,ref:s,__k:null,__:null,__b:0,__e:null,__c:null,constructor:Jt,__v:--Yt,__i:-1,__u:0};return(a||o)&&(u.__source=a,u.__self=o),e.vnode&&e.vnode(u),u}var Xt=null;function Zt(){let[e,t]=B(null);return V(()=>{Xt??=U(kt).then(e=>e.serverInfo).catch(()=>(Xt=null,null));let e=!0;return Xt.then(n=>e&&t(n)),()=>{e=!1}},[]),e}var Qt=`dropbox-lite.known-usernames`;function $t(){try{let e=JSON.parse(window.localStorage.getItem(Qt)??`[]`);return Array.isArray(e)?e.filter(e=>typeof e==`string`):[]}catch{return[]}}function en(e){let t=$t().filter(t=>t!==e.toLowerCase());try{window.localStorage.setItem(Qt,JSON.stringify([e.toLowerCase(),...t].slice(0,20)))}catch{}}function tn(e){return $t().includes(e.toLowerCase())}var nn=`This server has forgotten its accounts: it keeps everything in memory, and it was restarted. Create your account again (your files are gone too).`;function rn({info:e}){return e?.storageBackend===`memory`?Y(`p`,{role:`alert`,class:`memory-banner`,children:[`This server keeps everything in memory: accounts and files are gone when it stops. Set`,` `,Y(`code`,{children:`DROPBOX_LITE_MONGODB_URI`}),` to keep them.`]}):null}var an={NameTakenError:`An item with this name is already here.`,InvalidNameError:`That name is not allowed.`,InvalidMoveError:`A folder cannot go into itself.`,QuotaExceededError:`There is not enough space left in your storage.`,FileTooLargeError:`The file is larger than this server accepts.`,UsernameTakenError:`That username is taken.`,InvalidCredentialsError:`Wrong username or password.`,WrongPasswordError:`Wrong password.`,PasswordRequiredError:`This link needs a password.`,NotFoundError:`This link does not exist, has expired or was taken back.`,ConflictError:`The file changed meanwhile.`,PermissionDeniedError:`You may not change this: the folder is shared with you as a Viewer.`};function X(e){if(e.__typename===`RateLimitedError`&&e.retryAfterSeconds!=null){let t=e.retryAfterSeconds;return`Too many attempts. Try again in ${t} second${t===1?``:`s`}.`}return e.message?e.message:an[e.__typename??``]??`That did not work.`}function Z(e){return e instanceof Ue?`Cancelled.`:e instanceof ze?e.message:`Something went wrong. Try again.`}var on=null;function Q(e,t=`info`,n){on?.({text:e,kind:t,at:Date.now(),action:n})}function sn(){let[e,t]=B(null);return V(()=>(on=t,()=>{on=null}),[]),V(()=>{if(!e||e.kind===`error`)return;let n=window.setTimeout(()=>t(null),e.action?1e4:6e3);return()=>window.clearTimeout(n)},[e]),Y(`div`,{class:`notice-area`,children:[Y(`p`,{role:`status`,class:`notice`,children:[e?.kind===`info`?e.text:``,e?.kind===`info`&&e.action&&Y(y,{children:[` `,Y(`button`,{type:`button`,class:`link-button`,onClick:()=>{e.action?.run(),t(null)},children:e.action.label})]})]}),e?.kind===`error`&&Y(`p`,{role:`alert`,class:`notice notice-error`,children:[e.text,` `,Y(`button`,{type:`button`,class:`link-button`,onClick:()=>t(null),children:`Dismiss`})]})]})}function cn({embedded:e=!1}){let[t,n]=B(null);async function r(){try{n((await U(_t)).sessions)}catch(e){Q(Z(e),`error`)}}V(()=>{r()},[]);async function i(e){try{await U(vt,{id:e.id}),Q(`Signed out ${e.deviceName??`the device`}.`),await r()}catch(e){Q(Z(e),`error`)}}return Y(`div`,{children:[e?Y(`h2`,{class:`section-title`,children:`Devices`}):Y(`div`,{class:`toolbar`,children:Y(`h1`,{children:`Devices`})}),Y(`p`,{class:`muted`,children:`Every device signed in to your account. Sign out the ones you do not recognize.`}),t===null?Y(`p`,{class:`muted`,children:`Loading…`}):Y(`table`,{class:`entries`,children:[Y(`caption`,{class:`visually-hidden`,children:`Signed-in devices`}),Y(`thead`,{children:Y(`tr`,{children:[Y(`th`,{scope:`col`,children:`Device`}),Y(`th`,{scope:`col`,children:`Signed in`}),Y(`th`,{scope:`col`,children:`Last used`}),Y(`th`,{scope:`col`,children:Y(`span`,{class:`visually-hidden`,children:`Actions`})})]})}),Y(`tbody`,{children:t.map(e=>Y(`tr`,{children:[Y(`th`,{scope:`row`,children:[e.deviceName??`Unnamed device`,e.current&&` `,e.current&&Y(`span`,{class:`badge`,children:`this device`})]}),Y(`td`,{class:`muted`,children:q(e.createdAt)}),Y(`td`,{class:`muted`,children:q(e.lastSeenAt)}),Y(`td`,{class:`actions`,children:!e.current&&Y(`button`,{type:`button`,onClick:()=>void i(e),children:`Sign out device`})})]},e.id))})]})]})}function ln(){let[e,t]=B(``),[n,r]=B(``),[i,a]=B(null),[o,s]=B(!1),[c,l]=B(!1);return Y(`form`,{class:`panel account-form`,"aria-labelledby":`change-password`,onSubmit:async i=>{i.preventDefault(),l(!0),a(null),s(!1);try{let i=(await U(At,{currentPassword:e,newPassword:n})).changePassword;i.__typename===`User`?(s(!0),t(``),r(``)):a(X(i))}catch(e){a(Z(e))}finally{l(!1)}},children:[Y(`h2`,{id:`change-password`,children:`Change password`}),Y(`label`,{for:`current-password`,children:`Current password`}),Y(`input`,{id:`current-password`,type:`password`,autocomplete:`current-password`,required:!0,value:e,onInput:e=>t(e.currentTarget.value)}),Y(`label`,{for:`new-password`,children:`New password`}),Y(`input`,{id:`new-password`,type:`password`,autocomplete:`new-password`,required:!0,minLength:8,value:n,onInput:e=>r(e.currentTarget.value)}),Y(`p`,{class:`muted small`,children:`At least 8 characters. Your other devices are signed out.`}),i&&Y(`p`,{role:`alert`,class:`form-error`,children:i}),o&&Y(`p`,{role:`status`,class:`form-note`,children:`Your password is changed; your other devices are signed out.`}),Y(`button`,{type:`submit`,class:`primary`,disabled:c,children:`Change password`})]})}function un({username:e}){return Y(`div`,{children:[Y(`div`,{class:`toolbar`,children:Y(`h1`,{children:`Account`})}),e&&Y(`p`,{class:`muted`,children:[`Signed in as `,e,`.`]}),Y(ln,{}),Y(cn,{embedded:!0})]})}var dn={EDITOR:`Editor`,VIEWER:`Viewer`};function fn(e){return e.shared!=null&&e.shared.folderId===e.id}function pn(e){return fn(e)&&!e.shared?.youOwn}function mn(e){return!e.shared||e.shared.yourRole===`EDITOR`||pn(e)}function hn(e){return!e||e.yourRole===`EDITOR`}function gn(e){return e.__typename===`Folder`&&!e.trashed&&(!e.shared||fn(e))}function _n(e){return e.youOwn?`Shared by you`:`Shared by ${e.ownerUsername}`}function vn(e,t){let n=e.filter(e=>!e.isOwner);return n.length===0?`nobody yet`:n.map(e=>{let n=dn[e.role];return`${e.user.username} (${e.user.username===t?`you, ${n}`:n})`}).join(`, `)}function yn(e){return e.youOwn?`You own this folder: its files count against your storage, whoever adds them.`:e.yourRole===`EDITOR`?`${e.ownerUsername} shared this folder with you as an Editor: you can add, change and delete files.`:`${e.ownerUsername} shared this folder with you as a Viewer: you can open and download files, not change them.`}var bn=class{start;concurrency;onSettled;entries=[];nextId=1;listeners=new Set;constructor(e,t=3,n=()=>{}){this.start=e,this.concurrency=t,this.onSettled=n}get items(){return this.entries.map(e=>e.item)}subscribe(e){return this.listeners.add(e),()=>this.listeners.delete(e)}add(e,t){for(let n of e)this.entries.push({item:{id:this.nextId++,name:n.name,loaded:0,total:n.size,status:`queued`,message:null},file:n,target:t,cancel:null});this.pump()}cancel(e){let t=this.entries.find(t=>t.item.id===e);t&&(t.item.status===`queued`?this.update(t,{status:`cancelled`,message:`Cancelled.`}):t.item.status===`uploading`&&t.cancel?.())}clearFinished(){this.entries=this.entries.filter(e=>e.item.status===`queued`||e.item.status===`uploading`),this.emit()}update(e,t){e.item={...e.item,...t},this.emit()}emit(){let e=this.items;for(let t of this.listeners)t(e)}pump(){let e=this.entries.filter(e=>e.item.status===`uploading`).length;for(let t of this.entries){if(e>=this.concurrency)break;t.item.status===`queued`&&(e+=1,this.run(t))}this.emit()}run(e){let t=!1,n=this.start(e.file,e.target,(t,n)=>this.update(e,{loaded:n>0?Math.round(e.file.size*t/n):0}));e.cancel=()=>{t=!0,n.cancel()},e.item={...e.item,status:`uploading`},n.promise.then(t=>t===null?this.update(e,{status:`done`,loaded:e.item.total,message:null}):this.update(e,{status:`failed`,message:t}),n=>this.update(e,t?{status:`cancelled`,message:`Cancelled.`}:{status:`failed`,message:n instanceof Error?n.message:String(n)})).finally(()=>{e.cancel=null,this.onSettled(),this.pump()})}},xn=new Intl.Collator(void 0,{numeric:!0,sensitivity:`base`});function Sn(e,t){let n=t.descending?-1:1,r=(e,t)=>xn.compare(e.name,t.name);return[...e].sort((e,i)=>{let a=Number(i.__typename===`Folder`)-Number(e.__typename===`Folder`);if(a!==0)return a;let o=0;return t.key===`size`?o=(e.size??0)-(i.size??0):t.key===`modified`&&(o=Date.parse(e.modifiedAt)-Date.parse(i.modifiedAt)),n*(o||r(e,i))})}function Cn(e,t){return e.key===t?{key:t,descending:!e.descending}:{key:t,descending:!1}}function $({title:e,onClose:t,children:n,wide:r}){let i=H(null),a=xe();return V(()=>{let e=document.activeElement,t=i.current;return t&&!t.open&&t.showModal(),()=>{t?.close();let n=e;n?.isConnected&&typeof n.focus==`function`&&n.focus()}},[]),Y(`dialog`,{ref:i,class:r?`dialog dialog-wide`:`dialog`,"aria-labelledby":a,onCancel:e=>{e.preventDefault(),t()},children:[Y(`h2`,{id:a,children:e}),n]})}function wn({title:e,action:t,children:n,onConfirm:r,onClose:i}){let[a,o]=B(!1);return Y($,{title:e,onClose:i,children:[n,Y(`div`,{class:`dialog-actions`,children:[Y(`button`,{type:`button`,onClick:i,autoFocus:!0,children:`Cancel`}),Y(`button`,{type:`button`,class:`danger`,disabled:a,onClick:async()=>{o(!0),await r(),o(!1),i()},children:t})]})]})}function Tn({kind:e,entries:t,onDone:n,onClose:r}){let i=t[0],a=t.length===1,[o,s]=B(Bt(i.path)),[c,l]=B(i.name),[u,d]=B([]),[f,p]=B(null),[m,h]=B(!1),g=Vt(o);V(()=>{let e=!0,n=window.setTimeout(()=>{U(ut,{path:g}).then(n=>{if(!e)return;let r=n.entry;d(r?.__typename===`Folder`?r.children.edges.map(e=>e.node).filter(e=>e.__typename===`Folder`&&!t.some(t=>t.id===e.id)):[])}).catch(()=>e&&d([]))},150);return()=>{e=!1,window.clearTimeout(n)}},[g,i.id]);async function _(){h(!0),p(null);try{let i=(await U(ut,{path:g})).entry;if(i?.__typename!==`Folder`){p(`There is no folder ${g}.`);return}let o=[],s=``;for(let n of t){let t={id:n.id,parentId:i.id,name:a&&c.trim()||null},r=e===`Move`?(await U(at,t)).moveEntry:(await U(ot,t)).copyEntry;r.__typename===`File`||r.__typename===`Folder`?s=r.path:o.push(a?X(r):`${n.name}: ${X(r)}`)}let l=t.length-o.length;if(l>0){let t=a?s:`${g} (${l} item${l===1?``:`s`})`;n(e===`Move`?`Moved to ${t}.`:`Copied to ${t}.`)}o.length===0?r():p(o.join(` `))}catch(e){p(Z(e))}finally{h(!1)}}return Y($,{title:a?`${e} “${i.name}”`:`${e} ${t.length} items`,onClose:r,children:Y(`form`,{onSubmit:e=>{e.preventDefault(),_()},children:[Y(`label`,{for:`destination`,children:`Destination folder`}),Y(`input`,{id:`destination`,value:o,onInput:e=>s(e.currentTarget.value)}),Y(`div`,{class:`folder-picker`,role:`group`,"aria-label":`Folders in the destination`,children:[g!==`/`&&Y(`button`,{type:`button`,class:`link-button`,onClick:()=>s(Bt(g)),children:[`↑ Up to `,Bt(g)===`/`?`All files`:Bt(g)]}),u.map(e=>Y(`button`,{type:`button`,class:`link-button`,onClick:()=>s(e.path),children:[Y(`span`,{class:`icon icon-folder`,"aria-hidden":`true`}),e.name]},e.id)),u.length===0&&Y(`p`,{class:`muted small`,children:`No folders inside.`})]}),a&&Y(y,{children:[Y(`label`,{for:`entry-name`,children:`Name`}),Y(`input`,{id:`entry-name`,value:c,onInput:e=>l(e.currentTarget.value)})]}),f&&Y(`p`,{role:`alert`,class:`form-error`,children:f}),Y(`div`,{class:`dialog-actions`,children:[Y(`button`,{type:`button`,onClick:r,children:`Cancel`}),Y(`button`,{type:`submit`,class:`primary`,disabled:m,children:e})]})]})})}function En({title:e,action:t,initial:n,onSubmit:r,onClose:i}){let[a,o]=B(n),[s,c]=B(null),[l,u]=B(!1);return Y($,{title:e,onClose:i,children:Y(`form`,{onSubmit:async e=>{e.preventDefault(),u(!0);let t=await r(a);u(!1),t?c(t):i()},children:[Y(`label`,{for:`entry-name`,children:`Name`}),Y(`input`,{id:`entry-name`,required:!0,value:a,autoFocus:!0,onFocus:e=>{let t=e.currentTarget,n=t.value.lastIndexOf(`.`);t.setSelectionRange(0,n>0?n:t.value.length)},onInput:e=>o(e.currentTarget.value)}),s&&Y(`p`,{role:`alert`,class:`form-error`,children:s}),Y(`div`,{class:`dialog-actions`,children:[Y(`button`,{type:`button`,onClick:i,children:`Cancel`}),Y(`button`,{type:`submit`,class:`primary`,disabled:l,children:t})]})]})})}function Dn(e,t){return e.__typename===`NotFoundError`?`There is no user called “${t}”.`:X(e)}function On({id:e,label:t,value:n,onChange:r}){return Y(`select`,{id:e,"aria-label":t,value:n,onChange:e=>r(e.currentTarget.value),children:[Y(`option`,{value:`EDITOR`,children:dn.EDITOR}),Y(`option`,{value:`VIEWER`,children:dn.VIEWER})]})}function kn({folder:e,onClose:t,onChanged:n}){let[r,i]=B(null),[a,o]=B(null),[s,c]=B(null),[l,u]=B(``),[d,f]=B(`EDITOR`),[p,m]=B(null),[h,g]=B(null),[_,v]=B(!1),[b,x]=B(!1),S=H(null),C=H(null),w=H(null);async function T(){try{let t=await U(St,{id:e.id}),n=t.entry;if(!n||n.__typename!==`Folder`){g(`This folder is gone: it may have been deleted, or you were removed from it.`),c([]);return}i(t.me?.username??null),o(n.shared??null),c(n.members)}catch(e){g(Z(e))}}V(()=>{T()},[e.id]);let E=s!==null&&(a===null||a.youOwn);V(()=>{E&&S.current?.focus()},[E]);let D=H(!1);V(()=>{b?C.current?.focus():D.current&&w.current?.focus(),D.current=b},[b]);function O(){v(!0),g(null),m(null)}async function k(){let t=l.trim();if(!t)g(`Type the username of the person to add.`),S.current?.focus();else{O();try{let r=(await U(Ct,{folderId:e.id,username:t,role:d})).shareFolder;r.__typename===`Folder`?(c(r.members),u(``),m(`Added ${t} as ${d===`EDITOR`?`an Editor`:`a Viewer`}.`),n(!1),await T()):g(Dn(r,t))}catch(e){g(Z(e))}finally{v(!1),S.current?.focus()}}}async function A(t,r){O();try{let i=(await U(wt,{folderId:e.id,username:t,role:r})).updateMember;i.__typename===`Folder`?(c(i.members),m(`${t} is now ${r===`EDITOR`?`an Editor`:`a Viewer`}.`),n(!1)):(g(Dn(i,t)),await T())}catch(e){g(Z(e)),await T()}finally{v(!1)}}async function j(t){O();try{await U(Tt,{folderId:e.id,username:t}),m(`Removed ${t}: the folder is gone from their files.`),n(!1),await T()}catch(e){g(Z(e))}finally{v(!1),S.current?.focus()}}async function ee(){O();try{await U(Et,{folderId:e.id}),n(!0),t()}catch(e){g(Z(e)),v(!1)}}return Y($,{title:`Share “${e.name}” with people`,onClose:t,wide:!0,children:[s===null&&!h&&Y(`p`,{class:`muted`,children:`Loading…`}),E&&Y(`form`,{class:`member-form`,onSubmit:e=>{e.preventDefault(),k()},children:[Y(`div`,{class:`member-add`,children:[Y(`div`,{children:[Y(`label`,{for:`member-username`,children:`Username`}),Y(`input`,{id:`member-username`,ref:S,autocomplete:`off`,autocapitalize:`none`,spellcheck:!1,value:l,"aria-describedby":`member-roles`,onInput:e=>u(e.currentTarget.value)})]}),Y(`div`,{children:[Y(`label`,{for:`member-role`,children:`Role`}),Y(On,{id:`member-role`,value:d,onChange:f})]}),Y(`button`,{type:`submit`,class:`primary`,disabled:_,children:`Add`})]}),Y(`p`,{id:`member-roles`,class:`muted small`,children:`Editors can add, change and delete files in the folder; viewers can open and download them. The folder appears in their files; its files count against your storage.`})]}),!E&&a&&Y(`p`,{children:yn(a)}),p&&Y(`p`,{role:`status`,class:`form-note`,children:p}),h&&Y(`p`,{role:`alert`,class:`form-error`,children:h}),s!==null&&Y(y,{children:[Y(`h3`,{children:`Who has access`}),s.length===0?Y(`p`,{class:`muted`,children:`Only you. Add someone by their username to share this folder.`}):Y(`ul`,{class:`member-list`,"aria-label":`Members`,children:s.map(e=>{let t=e.user.username;return Y(`li`,{"data-member":t,children:[Y(`span`,{class:`member-name`,children:[t,t===r&&Y(`span`,{class:`muted`,children:` (you)`})]}),e.isOwner?Y(`span`,{class:`badge`,children:`Owner`}):E?Y(`span`,{class:`member-actions`,children:[Y(On,{id:`member-role-${t}`,label:`Role of ${t}`,value:e.role,onChange:e=>void A(t,e)}),Y(`button`,{type:`button`,class:`link-button danger-text`,title:`Remove ${t}`,disabled:_,onClick:()=>void j(t),children:`Remove`})]}):Y(`span`,{class:`muted`,children:dn[e.role]})]},t)})})]}),!E&&a&&b&&Y(`div`,{class:`leave-confirm`,role:`group`,"aria-label":`Leave the folder`,children:Y(`p`,{children:[`“`,e.name,`” goes from your files; nothing of `,a.ownerUsername,`'s is deleted. You get it back only if `,a.ownerUsername,` adds you again.`]})}),Y(`div`,{class:`dialog-actions`,children:[!E&&a&&!b&&Y(`button`,{type:`button`,ref:w,class:`danger-text leave-button`,onClick:()=>x(!0),children:`Leave folder`}),!E&&a&&b&&Y(y,{children:[Y(`button`,{type:`button`,ref:C,onClick:()=>x(!1),children:`Stay`}),Y(`button`,{type:`button`,class:`danger`,disabled:_,onClick:()=>void ee(),children:`Leave folder`})]}),Y(`button`,{type:`button`,onClick:t,children:`Close`})]})]})}function An({name:e,actions:t}){let[n,r]=B(!1),i=xe(),a=H(null);return V(()=>{if(!n)return;let e=e=>{a.current?.contains(e.target)||r(!1)},t=e=>{e.key===`Escape`&&(r(!1),a.current?.querySelector(`.row-menu-button`)?.focus())};return document.addEventListener(`pointerdown`,e),document.addEventListener(`keydown`,t),()=>{document.removeEventListener(`pointerdown`,e),document.removeEventListener(`keydown`,t)}},[n]),Y(`div`,{class:n?`row-actions-wrap open`:`row-actions-wrap`,ref:a,children:[Y(`button`,{type:`button`,class:`row-menu-button`,"aria-expanded":n,"aria-controls":i,"aria-label":`Actions for ${e}`,onClick:()=>r(!n),children:Y(`span`,{class:`i i-more`,"aria-hidden":`true`})}),Y(`div`,{class:`row-actions`,role:`group`,"aria-label":`Actions for ${e}`,id:i,children:t.map(t=>Y(`button`,{type:`button`,class:t.danger?`danger-text`:void 0,title:t.title??`${t.label} ${e}`,disabled:t.disabled,onClick:()=>{r(!1),t.onClick()},children:[Y(`span`,{class:`i i-${t.icon}`,"aria-hidden":`true`}),Y(`span`,{class:`row-action-label`,children:t.label})]},t.label))})]})}function jn(e){if(!e)return null;let t=new Date(`${e}T23:59:59`);return Number.isNaN(t.getTime())?null:t.toISOString()}function Mn(e){let t=[e.access===`EDITOR`?`view and upload`:`view only`];return e.hasPassword&&t.push(`password`),t.push(e.expiresAt?`expires ${q(e.expiresAt)}`:`no expiry`),t.push(`${e.downloadCount} download${e.downloadCount===1?``:`s`}`),t.join(` · `)}async function Nn(e,t){try{return await navigator.clipboard.writeText(t),!0}catch{return e?.select(),document.execCommand(`copy`)}}function Pn({entry:e,onClose:t}){let n=e.__typename===`Folder`,[r,i]=B([]),[a,o]=B(``),[s,c]=B(``),[l,u]=B(!1),[d,f]=B(null),[p,m]=B(null),[h,g]=B(null),[_,v]=B(!1),y=new Date().toISOString().slice(0,10);async function b(){try{i((await U(mt,{entryId:e.id})).shareLinks)}catch(e){g(Z(e))}}V(()=>{b()},[e.id]);async function x(){v(!0),g(null),m(null);try{let t=(await U(ht,{entryId:e.id,access:n&&l?`EDITOR`:`VIEWER`,expiresAt:jn(a),password:s||null})).createShareLink;t.__typename===`ShareLinkCreated`?(f({id:t.link.id,url:t.url}),c(``),await b()):g(X(t))}catch(e){g(Z(e))}finally{v(!1)}}async function S(e){try{await U(gt,{id:e}),d?.id===e&&f(null),m(`The link was revoked: it no longer opens.`),await b()}catch(e){g(Z(e))}}return Y($,{title:`Share “${e.name}”`,onClose:t,wide:!0,children:[d?Y(`div`,{class:`share-created`,children:[Y(`label`,{for:`share-link`,children:`Link`}),Y(`div`,{class:`inline-field`,children:[Y(`input`,{id:`share-link`,readOnly:!0,value:d.url,onFocus:e=>e.currentTarget.select()}),Y(`button`,{type:`button`,class:`primary`,onClick:async()=>{let e=await Nn(document.getElementById(`share-link`),d.url);m(e?`Link copied.`:`Select the link and copy it.`)},children:`Copy`}),Y(`button`,{type:`button`,class:`danger`,onClick:()=>void S(d.id),children:`Revoke`})]}),Y(`p`,{class:`muted small`,children:`Anyone with this link can open it. It is shown only now: copy it.`})]}):Y(`form`,{class:`share-form`,onSubmit:e=>{e.preventDefault(),x()},children:[Y(`div`,{class:`field-row`,children:[Y(`div`,{children:[Y(`label`,{for:`share-expires`,children:`Expires (optional)`}),Y(`input`,{id:`share-expires`,type:`date`,min:y,value:a,onInput:e=>o(e.currentTarget.value)})]}),Y(`div`,{children:[Y(`label`,{for:`share-password`,children:`Link password (optional)`}),Y(`input`,{id:`share-password`,type:`password`,autocomplete:`new-password`,minLength:8,value:s,onInput:e=>c(e.currentTarget.value)})]})]}),n&&Y(`label`,{class:`checkbox`,children:[Y(`input`,{type:`checkbox`,checked:l,onChange:e=>u(e.currentTarget.checked)}),`Visitors can upload files into this folder`]}),Y(`button`,{type:`submit`,class:`primary`,disabled:_,children:`Create link`})]}),p&&Y(`p`,{role:`status`,class:`form-note`,children:p}),h&&Y(`p`,{role:`alert`,class:`form-error`,children:h}),Y(`h3`,{children:[`Links to this `,n?`folder`:`file`]}),r.length===0?Y(`p`,{class:`muted`,children:`No links yet.`}):Y(`ul`,{class:`link-list`,children:r.map(e=>Y(`li`,{children:[Y(`span`,{children:[`Created `,q(e.createdAt),` · `,Mn(e)]}),Y(`button`,{type:`button`,class:`link-button`,"aria-label":`Revoke link created ${new Date(e.createdAt).toLocaleString()}`,onClick:()=>void S(e.id),children:`Revoke link`})]},e.id))}),Y(`div`,{class:`dialog-actions`,children:Y(`button`,{type:`button`,onClick:t,children:`Close`})})]})}function Fn({entry:e,readOnly:t=!1,onChanged:n,onClose:r}){let[i,a]=B(null),[o,s]=B(null),[c,l]=B(null),[u,d]=B(null);async function f(){try{let t=(await U(ft,{id:e.id})).entry;t&&`revisions`in t?(a(t.rev),s(t.revisions)):s([])}catch(e){l(Z(e))}}V(()=>{f()},[e.id]);async function p(t){l(null);try{let r=(await U(pt,{fileId:e.id,rev:t})).restoreRevision;r.__typename===`File`?(d(`Revision ${t} is the current version again (now revision ${r.rev}).`),n(),await f()):l(X(r))}catch(e){l(Z(e))}}return Y($,{title:`Versions of “${e.name}”`,onClose:r,wide:!0,children:[o===null?Y(`p`,{class:`muted`,children:`Loading…`}):Y(`table`,{class:`entries`,children:[Y(`caption`,{class:`visually-hidden`,children:`Versions`}),Y(`thead`,{children:Y(`tr`,{children:[Y(`th`,{scope:`col`,children:`Version`}),Y(`th`,{scope:`col`,class:`num`,children:`Size`}),Y(`th`,{scope:`col`,children:`Saved`}),Y(`th`,{scope:`col`,children:Y(`span`,{class:`visually-hidden`,children:`Actions`})})]})}),Y(`tbody`,{children:o.map(e=>Y(`tr`,{children:[Y(`th`,{scope:`row`,children:[`Revision `,e.rev,e.rev===i&&` `,e.rev===i&&Y(`span`,{class:`badge`,children:`current`})]}),Y(`td`,{class:`num muted`,children:K(e.size)}),Y(`td`,{class:`muted`,children:q(e.createdAt)}),Y(`td`,{class:`actions`,children:[Y(`a`,{class:`button-link`,href:e.downloadUrl,download:!0,children:`Download`}),e.rev!==i&&!t&&Y(`button`,{type:`button`,onClick:()=>void p(e.rev),children:`Restore`})]})]},e.rev))})]}),u&&Y(`p`,{role:`status`,class:`form-note`,children:u}),c&&Y(`p`,{role:`alert`,class:`form-error`,children:c}),Y(`div`,{class:`dialog-actions`,children:Y(`button`,{type:`button`,onClick:r,children:`Close`})})]})}var In=`dropbox-lite:changed`;function Ln(){window.dispatchEvent(new Event(In))}async function Rn(e){try{let t=(await U(dt,{id:e.id})).entry;if(!t||!(`downloadUrl`in t)){Q(`“${e.name}” is not a file.`,`error`);return}let n=document.createElement(`a`);n.href=t.downloadUrl,n.download=e.name,n.rel=`noopener`,document.body.append(n),n.click(),n.remove()}catch(e){Q(Z(e),`error`)}}function zn(e){let t=Rt(window.location.pathname);(t===e||t.startsWith(`${e}/`))&&Wt(`/`,!0),Ln()}async function Bn(e,t){let n=[],r=[];for(let t of e)try{let e=(await U(st,{id:t.id})).deleteEntry;e.__typename===`File`||e.__typename===`Folder`?n.push(t):r.push(`${t.name}: ${X(e)}`)}catch(e){r.push(`${t.name}: ${Z(e)}`)}n.length>0&&t(),r.length>0?Q(r.join(` `),`error`):Q(`Moved ${n.length===1?`“${n[0].name}”`:`${n.length} items`} to the trash.`,`info`,{label:`Undo`,run:()=>{(async()=>{for(let e of n)try{await U(ct,{id:e.id})}catch(e){Q(Z(e),`error`)}t()})()}})}function Vn(e){let[t,n]=B(null),r=()=>n(null),i=()=>{e(),Ln()},a=e=>Bn([e],i);async function o(t){try{await U(Et,{folderId:t.id}),Q(`You left “${t.name}”.`),e(),zn(t.path)}catch(e){Q(Z(e),`error`)}}let s=e=>{let t=e.__typename===`File`,r=!mn(e),i=pn(e),o=[];return t&&o.push({label:`Download`,icon:`download`,onClick:()=>void Rn(e)}),gn(e)&&o.push({label:`People`,icon:`people`,title:`Share “${e.name}” with people`,onClick:()=>n({kind:`People`,entry:e})}),o.push({label:`Share`,icon:`link`,disabled:e.shared?.yourRole===`VIEWER`||i,onClick:()=>n({kind:`Share`,entry:e})},{label:`Rename`,icon:`rename`,disabled:r,onClick:()=>n({kind:`Rename`,entry:e})},{label:`Move`,icon:`move`,disabled:r,onClick:()=>n({kind:`Move`,entry:e})},{label:`Copy`,icon:`copy`,onClick:()=>n({kind:`Copy`,entry:e})}),t&&o.push({label:`Versions`,icon:`versions`,onClick:()=>n({kind:`Versions`,entry:e})}),o.push(i?{label:`Leave`,icon:`leave`,danger:!0,title:`Leave ${e.name}`,onClick:()=>n({kind:`Leave`,entry:e})}:{label:`Delete`,icon:`delete`,danger:!0,disabled:r,onClick:()=>void a(e)}),Y(An,{name:e.name,actions:o})},c=null;if(t?.kind===`Rename`){let e=t.entry;c=Y(En,{title:`Rename “${e.name}”`,action:`Rename`,initial:e.name,onClose:r,onSubmit:async t=>{try{let n=(await U(it,{id:e.id,name:t.trim()})).renameEntry;return n.__typename===`File`||n.__typename===`Folder`?(Q(`Renamed to “${n.name}”.`),i(),null):X(n)}catch(e){return Z(e)}}})}else if(t?.kind===`Move`||t?.kind===`Copy`)c=Y(Tn,{kind:t.kind,entries:[t.entry],onClose:r,onDone:e=>{Q(e),i()}});else if(t?.kind===`Share`)c=Y(Pn,{entry:t.entry,onClose:r});else if(t?.kind===`Versions`)c=Y(Fn,{entry:t.entry,readOnly:!mn(t.entry),onClose:r,onChanged:i});else if(t?.kind===`People`){let n=t.entry;c=Y(kn,{folder:n,onClose:r,onChanged:t=>{t?(Q(`You left “${n.name}”.`),e(),zn(n.path)):i()}})}else if(t?.kind===`Leave`){let e=t.entry,n=e.shared?.ownerUsername??`its owner`;c=Y(wn,{title:`Leave “${e.name}”?`,action:`Leave folder`,onClose:r,onConfirm:()=>o(e),children:Y(`p`,{children:[`The folder goes from your files; nothing of `,n,`'s is deleted. You get it back only if `,n,` adds you again.`]})})}return{buttons:s,dialog:c,act:(e,t)=>n({kind:e,entry:t}),changed:i}}function Hn({folder:e}){return Y(`span`,{class:e?`icon icon-folder`:`icon icon-file`,"aria-hidden":`true`})}function Un({label:e,sortKey:t,sort:n,onSort:r,class:i}){let a=n?.key===t;return Y(`th`,{scope:`col`,class:i,"aria-sort":n?a?n.descending?`descending`:`ascending`:`none`:void 0,children:r?Y(`button`,{type:`button`,class:`sort-button`,onClick:()=>r(t),children:[e,Y(`span`,{class:`sort-mark`,"aria-hidden":`true`,children:a?n?.descending?`▼`:`▲`:``})]}):e})}function Wn(e){let{caption:t,entries:n,showPath:r,showDeleted:i,actions:a,empty:o,onOpen:s,selection:c,sort:l,onSort:u}=e;if(n.length===0)return Y(`div`,{class:`empty`,children:o});let d=c&&n.every(e=>c.selected.has(e.id));return Y(`table`,{class:c?`entries selectable`:`entries`,children:[Y(`caption`,{class:`visually-hidden`,children:t}),Y(`thead`,{children:Y(`tr`,{children:[c&&Y(`td`,{class:`select`,children:Y(`input`,{type:`checkbox`,"aria-label":`Select all`,checked:d,onChange:()=>c.toggleAll()})}),Y(Un,{label:`Name`,sortKey:`name`,sort:l,onSort:u}),r&&Y(`th`,{scope:`col`,class:`col-path`,children:`Folder`}),Y(Un,{label:`Size`,sortKey:`size`,sort:l,onSort:u,class:`num col-size`}),i?Y(`th`,{scope:`col`,class:`col-modified`,children:`Deleted`}):Y(Un,{label:`Modified`,sortKey:`modified`,sort:l,onSort:u,class:`col-modified`}),Y(`th`,{scope:`col`,class:`col-actions`,children:Y(`span`,{class:`visually-hidden`,children:`Actions`})})]})}),Y(`tbody`,{children:n.map(e=>{let t=e.__typename===`Folder`,n=c?.selected.has(e.id)??!1,o=i?e.trashedAt??e.modifiedAt:e.modifiedAt;return Y(`tr`,{"data-entry":e.name,class:n?`selected`:void 0,children:[c&&Y(`td`,{class:`select`,children:Y(`input`,{type:`checkbox`,"aria-label":`Select ${e.name}`,checked:n,onClick:t=>{t.preventDefault(),c.toggle(e,t.shiftKey)}})}),Y(`th`,{scope:`row`,class:`name`,children:[Y(Hn,{folder:t}),t&&!e.trashed?Y(`a`,{href:It(e.path),onClick:J,children:e.name}):s&&!e.trashed?Y(`a`,{href:It(e.path),class:`file-link`,onClick:t=>{t.ctrlKey||t.metaKey||t.shiftKey||(t.preventDefault(),s(e))},children:e.name}):Y(`span`,{children:e.name}),e.shared&&fn(e)&&Y(y,{children:[` `,Y(`span`,{class:`badge badge-shared`,title:_n(e.shared),children:`Shared`})]})]}),r&&Y(`td`,{class:`muted col-path`,children:Bt(e.path)}),Y(`td`,{class:`num muted col-size`,children:e.__typename===`File`?K(e.size):`—`}),Y(`td`,{class:`muted col-modified`,children:Y(`time`,{dateTime:o,children:q(o)})}),Y(`td`,{class:`actions`,children:a(e)})]},e.id)})})]})}var Gn=1048576,Kn=new Set(`txt md markdown csv tsv log json yaml yml toml ini cfg conf xml html htm css js mjs cjs ts tsx jsx py rb go rs java kt c h cc cpp hpp cs php sh bash zsh sql graphql gql svg tex rst env gitignore dockerfile makefile`.split(` `)),qn=new Set([`image/png`,`image/jpeg`,`image/gif`,`image/webp`,`image/avif`,`image/bmp`]);function Jn(e){let t=e.lastIndexOf(`.`);return t<0?e.toLowerCase():e.slice(t+1).toLowerCase()}function Yn(e,t){let n=(t??``).toLowerCase().split(`;`)[0].trim();if(qn.has(n))return`image`;if(n===`application/pdf`)return`pdf`;if(n.startsWith(`audio/`))return`audio`;if(n.startsWith(`video/`))return`video`;if(n.startsWith(`text/`)||n===`application/json`||n===`image/svg+xml`)return`text`;let r=Jn(e);return[`png`,`jpg`,`jpeg`,`gif`,`webp`,`avif`,`bmp`].includes(r)?`image`:r===`pdf`?`pdf`:[`mp3`,`ogg`,`oga`,`wav`,`flac`,`m4a`,`opus`].includes(r)?`audio`:[`mp4`,`webm`,`ogv`,`mov`,`m4v`].includes(r)?`video`:Kn.has(r)?`text`:`none`}function Xn(e,t){return new TextDecoder(`utf-8`,{fatal:!1}).decode(e,{stream:t})}function Zn({files:e,index:t,onIndex:n,onClose:r}){let i=e[t],a=Yn(i.name,i.__typename===`File`?i.mimeType:null),[o,s]=B(null);V(()=>{let e=new AbortController;return s(null),(async()=>{let t=(await He(dt,{id:i.id},e.signal)).entry;if(!t||!(`downloadUrl`in t))throw Error(`“${i.name}” is gone.`);let n=t.downloadUrl;if(a!==`text`)return{url:n};let r=await fetch(n,{headers:{Range:`bytes=0-${Gn-1}`},signal:e.signal});if(!r.ok)throw Error(`The server answered ${r.status}.`);let o=new Uint8Array(await r.arrayBuffer()).slice(0,Gn),s=(i.__typename===`File`?i.size:o.length)>o.length;return{url:n,text:Xn(o,s),truncated:s}})().then(e=>s(e)).catch(t=>{e.signal.aborted||s({error:Z(t)})}),()=>e.abort()},[i.id,i.name,i,a]),V(()=>{let r=r=>{if(!r.target?.closest(`audio, video`)){if(r.key===`ArrowRight`&&t<e.length-1)n(t+1);else if(r.key===`ArrowLeft`&&t>0)n(t-1);else return;r.preventDefault()}};return document.addEventListener(`keydown`,r),()=>document.removeEventListener(`keydown`,r)},[t,e.length,n]);let c;return c=o===null?Y(`p`,{class:`muted`,children:`Loading…`}):`error`in o?Y(`p`,{role:`alert`,class:`form-error`,children:o.error}):a===`image`?Y(`img`,{class:`preview-media`,src:o.url,alt:i.name}):a===`pdf`?Y(`iframe`,{class:`preview-frame`,src:`${o.url}&inline=1`,title:i.name}):a===`audio`?Y(`audio`,{class:`preview-media`,src:o.url,controls:!0,"aria-label":i.name}):a===`video`?Y(`video`,{class:`preview-media`,src:o.url,controls:!0,"aria-label":i.name}):a===`text`?Y(y,{children:[Y(`pre`,{class:`preview-text`,tabIndex:0,"aria-label":`Text of ${i.name}`,children:o.text}),o.truncated&&Y(`p`,{class:`muted small`,children:`The first 1 MiB is shown: download the file for the rest.`})]}):Y(`p`,{class:`muted`,children:`No preview for this kind of file. Download it to open it.`}),Y($,{title:i.name,onClose:r,wide:!0,children:[Y(`div`,{class:`preview`,children:c},i.id),Y(`div`,{class:`dialog-actions preview-actions`,children:[Y(`span`,{class:`muted small preview-count`,children:[e.length>1&&`${t+1} of ${e.length} · `,i.__typename===`File`&&K(i.size)]}),Y(`button`,{type:`button`,"aria-label":`Previous file`,disabled:t===0,onClick:()=>n(t-1),children:`‹`}),Y(`button`,{type:`button`,"aria-label":`Next file`,disabled:t>=e.length-1,onClick:()=>n(t+1),children:`›`}),Y(`button`,{type:`button`,onClick:()=>void Rn(i),children:`Download`}),Y(`button`,{type:`button`,class:`primary`,onClick:r,children:`Close`})]})]})}function Qn({shared:e}){let[t,n]=B(null),[r,i]=B(!1),[a,o]=B(0);return V(()=>{let t=!0;return U(St,{id:e.folderId}).then(e=>{let r=e.entry;t&&r?.__typename===`Folder`&&n({id:r.id,name:r.name,path:r.path,members:r.members,me:e.me?.username??null})}).catch(()=>t&&n(null)),()=>{t=!1}},[e.folderId,a]),V(()=>{let e=()=>o(e=>e+1);return window.addEventListener(In,e),()=>window.removeEventListener(In,e)},[]),Y(`section`,{class:`shared-bar`,"aria-label":`Sharing`,children:[Y(`div`,{children:[Y(`p`,{children:[Y(`span`,{class:`badge badge-shared`,children:`Shared`}),` `,_n(e),t&&Y(y,{children:[` with `,vn(t.members,t.me)]})]}),Y(`p`,{id:`shared-role`,class:`muted small`,children:yn(e)})]}),t&&Y(`button`,{type:`button`,onClick:()=>i(!0),title:`Share “${t.name}” with people`,children:`People`}),r&&t&&Y(kn,{folder:t,onClose:()=>i(!1),onChanged:e=>{e?(Q(`You left “${t.name}”.`),zn(t.path)):Ln()}})]})}var $n={queued:`Waiting`,uploading:`Uploading`,done:`Uploaded`,failed:`Failed`,cancelled:`Cancelled`};function er({items:e,queue:t}){if(e.length===0)return null;let n=e.every(e=>e.status!==`queued`&&e.status!==`uploading`);return Y(`section`,{class:`uploads`,"aria-label":`Uploads`,children:[Y(`div`,{class:`uploads-head`,children:[Y(`h2`,{children:`Uploads`}),n&&Y(`button`,{type:`button`,class:`link-button`,onClick:()=>t.clearFinished(),children:`Clear`})]}),Y(`ul`,{children:e.map(e=>{let n=e.status===`done`?100:Ft(e.loaded,e.total);return Y(`li`,{class:`upload upload-${e.status}`,children:[Y(`div`,{class:`upload-line`,children:[Y(`span`,{class:`upload-name`,children:e.name}),Y(`span`,{class:`muted small`,children:e.status===`failed`||e.status===`cancelled`?e.message:`${$n[e.status]} · ${K(e.loaded)} of ${K(e.total)}`}),(e.status===`queued`||e.status===`uploading`)&&Y(`button`,{type:`button`,class:`link-button`,"aria-label":`Cancel upload of ${e.name}`,onClick:()=>t.cancel(e.id),children:`Cancel`})]}),Y(`progress`,{max:100,value:n,"aria-label":`Upload of ${e.name}`,children:[n,`%`]})]},e.id)})})]})}var tr=`dropbox-lite:first-listing`,nr=new bn((e,{parentId:t,replace:n},r)=>{let i=Ge(yt,n?{parentId:t,mode:`OVERWRITE`,autorename:!1}:{parentId:t,autorename:!0},e,r);return{cancel:i.cancel,promise:i.promise.then(e=>e.uploadFile.__typename===`File`?null:X(e.uploadFile))}},3,Ln);async function rr(e,t,n,r=100){let i=e===`/`?(await He($e,{first:r,after:t},n)).folder:(await He(et,{path:e,first:r,after:t},n)).entry;return!i||i.__typename!==`Folder`?null:{path:e,folderId:i.id,shared:i.shared??null,entries:i.children.edges.map(e=>e.node),totalCount:i.children.totalCount,endCursor:i.children.pageInfo.endCursor,hasNextPage:i.children.pageInfo.hasNextPage}}function ir({path:e}){let t=zt(e);return Y(`nav`,{"aria-label":`Breadcrumb`,class:`breadcrumb`,children:Y(`ol`,{children:t.map((e,n)=>Y(`li`,{children:n===t.length-1?Y(`span`,{"aria-current":`page`,children:e.name}):Y(`a`,{href:It(e.path),onClick:J,children:e.name})},e.path))})})}async function ar(e,t){let n=new Set(t.entries.map(e=>e.name.toLowerCase())),r=[];for(let i of e)(n.has(i.name.toLowerCase())||t.hasNextPage&&(await U(Dt,{path:t.path===`/`?`/${i.name}`:`${t.path}/${i.name}`})).entry?.__typename===`File`)&&r.push(i.name);return r}var or=[[`/`,`Search`],[`Enter`,`Open the selected item`],[`F2`,`Rename the selected item`],[`Delete`,`Move the selected items to the trash`],[`Escape`,`Clear the selection`],[`← →`,`Previous and next file in a preview`],[`?`,`This list`]];function sr(e){return!!e?.closest?.(`input, textarea, select, [contenteditable=true], dialog`)}function cr({path:e}){let[t,n]=B(null),[r,i]=B(!1),[a,o]=B(null),[s,c]=B(!1),[l,u]=B(!1),[d,f]=B([]),[p,m]=B({key:`name`,descending:!1}),[h,g]=B(new Set),[_,v]=B(null),[b,x]=B(null),[S,C]=B(null),[w,T]=B(!1),E=H(null),D=H(null),O=H(null),k=H(null),A=H(null);A.current=t;let[j,ee]=B(0),M=be(()=>ee(e=>e+1),[]);V(()=>(f(nr.items),nr.subscribe(f)),[]),V(()=>{let t=A.current?.path===e;t||(D.current=null,n(null),g(new Set),v(null)),k.current?.abort();let r=new AbortController;k.current=r;let a=t&&A.current?Math.max(100,A.current.entries.length):100;return rr(e,null,r.signal,a).then(e=>{r.signal.aborted||(i(e===null),n(e),performance.getEntriesByName(`dropbox-lite:first-listing`).length===0&&performance.mark(tr),D.current=e?.folderId??null,o(null))}).catch(e=>!r.signal.aborted&&o(Z(e))),()=>r.abort()},[e,j]),V(()=>(window.addEventListener(In,M),()=>window.removeEventListener(In,M)),[M]);let{buttons:te,dialog:ne,act:N,changed:re}=Vn(M);async function ie(){let e=t;if(!e?.endCursor)return;k.current?.abort();let r=new AbortController;k.current=r;try{let t=await rr(e.path,e.endCursor,r.signal);if(r.signal.aborted||!t)return;n(e=>e&&e.path===t.path?{...t,entries:[...e.entries,...t.entries]}:e)}catch(e){r.signal.aborted||Q(Z(e),`error`)}}async function ae(e){let n=D.current;if(e.length===0||!n||!t)return;let r=[];try{r=await ar(e,t)}catch{}r.length>0?x({files:e,parentId:n,taken:r}):nr.add(e,{parentId:n,replace:!1})}let P=t?Sn(t.entries,p):[],F=P.filter(e=>h.has(e.id)),I=P.filter(e=>e.__typename===`File`);function L(e,t){let n=new Set(h);if(t&&O.current){let t=P.findIndex(e=>e.id===O.current),r=P.findIndex(t=>t.id===e.id);if(t>=0&&r>=0){for(let e of P.slice(Math.min(t,r),Math.max(t,r)+1))n.add(e.id);g(n);return}}n.has(e.id)?n.delete(e.id):n.add(e.id),O.current=e.id,g(n)}function oe(e){e.__typename===`Folder`?Wt(It(e.path)):v(I.findIndex(t=>t.id===e.id))}V(()=>{let e=e=>{if(e.defaultPrevented||e.ctrlKey||e.metaKey||e.altKey||sr(e.target))return;let t=F.length===1?F[0]:null;if(e.key===`/`)document.getElementById(`search`)?.focus();else if(e.key===`?`)T(!0);else if(e.key===`Escape`&&F.length>0)g(new Set);else if(e.key===`Delete`&&F.length>0)g(new Set),Bn(F,re);else if(e.key===`F2`&&t)N(`Rename`,t);else if(e.key===`Enter`&&t&&!e.target?.closest?.(`a, button`))oe(t);else return;e.preventDefault()};return document.addEventListener(`keydown`,e),()=>document.removeEventListener(`keydown`,e)});let se=e===`/`?`All files`:e.split(`/`).pop(),R=hn(t?.shared);return Y(`div`,{class:l?`browser dropping`:`browser`,onDragOver:e=>{e.dataTransfer?.types.includes(`Files`)&&t&&(e.preventDefault(),u(!0))},onDragLeave:e=>{e.currentTarget===e.target&&u(!1)},onDrop:e=>{e.preventDefault(),u(!1);let t=e.dataTransfer?.files;t&&t.length>0&&ae(Array.from(t))},children:[Y(ir,{path:e}),Y(`div`,{class:`toolbar`,children:[Y(`h1`,{children:se}),Y(`div`,{class:`toolbar-actions`,children:[Y(`label`,{for:`upload-files`,class:`visually-hidden`,children:`Upload files`}),Y(`input`,{id:`upload-files`,ref:E,type:`file`,multiple:!0,class:`visually-hidden`,tabIndex:-1,disabled:!t,onChange:e=>{let t=e.currentTarget;t.files&&t.files.length>0&&ae(Array.from(t.files)),t.value=``}}),Y(`button`,{type:`button`,class:`primary`,disabled:!t||!R,"aria-describedby":R?void 0:`shared-role`,onClick:()=>E.current?.click(),children:[Y(`span`,{class:`i i-upload`,"aria-hidden":`true`}),`Upload`]}),Y(`button`,{type:`button`,disabled:!t||!R,"aria-describedby":R?void 0:`shared-role`,onClick:()=>c(!0),children:[Y(`span`,{class:`i i-folder-plus`,"aria-hidden":`true`}),`New folder`]}),Y(`button`,{type:`button`,class:`shortcut-help`,"aria-label":`Keyboard shortcuts`,onClick:()=>T(!0),children:`?`})]})]}),t?.shared&&Y(Qn,{shared:t.shared}),Y(er,{items:d,queue:nr}),a&&Y(`p`,{role:`alert`,class:`form-error`,children:a}),r&&Y(`p`,{class:`empty`,children:[`There is no folder `,e,`. It may have been moved or deleted.`]}),F.length>0&&Y(`div`,{class:`bulk-bar`,role:`region`,"aria-label":`Selection`,children:[Y(`span`,{class:`bulk-count`,children:[F.length,` selected`]}),Y(`div`,{class:`bulk-actions`,children:[Y(`button`,{type:`button`,onClick:()=>{for(let e of F)e.__typename===`File`&&Rn(e)},disabled:!F.some(e=>e.__typename===`File`),children:[Y(`span`,{class:`i i-download`,"aria-hidden":`true`}),`Download`]}),Y(`button`,{type:`button`,onClick:()=>C(`Move`),children:[Y(`span`,{class:`i i-move`,"aria-hidden":`true`}),`Move`]}),Y(`button`,{type:`button`,onClick:()=>C(`Copy`),children:[Y(`span`,{class:`i i-copy`,"aria-hidden":`true`}),`Copy`]}),Y(`button`,{type:`button`,class:`danger-text`,onClick:()=>{g(new Set),Bn(F,re)},children:[Y(`span`,{class:`i i-delete`,"aria-hidden":`true`}),`Delete`]}),Y(`button`,{type:`button`,class:`link-button`,onClick:()=>g(new Set),children:`Clear`})]})]}),t&&Y(y,{children:[Y(Wn,{caption:`Contents of ${se}`,entries:P,actions:te,onOpen:oe,sort:p,onSort:e=>m(Cn(p,e)),selection:{selected:h,toggle:L,toggleAll:()=>g(F.length===P.length?new Set:new Set(P.map(e=>e.id)))},empty:Y(y,{children:[Y(`span`,{class:`icon icon-drop`,"aria-hidden":`true`}),Y(`p`,{children:`This folder is empty.`}),Y(`p`,{class:`muted`,children:R?`Drop files here, or use Upload.`:`Only its owner and editors can add files here.`})]})}),Y(`p`,{class:`muted small listing-foot`,children:[t.entries.length<t.totalCount?`Showing ${t.entries.length} of ${t.totalCount} items.`:`${t.totalCount} item${t.totalCount===1?``:`s`}.`,` `,R&&Y(`span`,{class:`wide-only`,children:`Drop files anywhere here to upload them.`})]}),t.hasNextPage&&Y(`button`,{type:`button`,onClick:()=>void ie(),children:`Load more`})]}),s&&Y(En,{title:`New folder`,action:`Create`,initial:``,onClose:()=>c(!1),onSubmit:async e=>{try{let t=(await U(rt,{parentId:D.current,name:e.trim()})).createFolder;return t.__typename===`Folder`?(Q(`Created “${t.name}”.`),M(),null):X(t)}catch(e){return Z(e)}}}),b&&Y($,{title:b.taken.length===1?`“${b.taken[0]}” is already here`:`${b.taken.length} files are already here`,onClose:()=>x(null),children:[Y(`p`,{children:`Replace keeps one file and adds your upload as its newest version (the old one stays under Versions). Keep both adds your upload under a new name.`}),Y(`div`,{class:`dialog-actions`,children:[Y(`button`,{type:`button`,onClick:()=>x(null),children:`Cancel`}),Y(`button`,{type:`button`,onClick:()=>{nr.add(b.files,{parentId:b.parentId,replace:!1}),x(null)},children:`Keep both`}),Y(`button`,{type:`button`,class:`primary`,autoFocus:!0,onClick:()=>{let e=new Set(b.taken),t=b.files.filter(t=>!e.has(t.name));t.length>0&&nr.add(t,{parentId:b.parentId,replace:!1}),nr.add(b.files.filter(t=>e.has(t.name)),{parentId:b.parentId,replace:!0}),x(null)},children:`Replace`})]})]}),S&&Y(Tn,{kind:S,entries:F,onClose:()=>C(null),onDone:e=>{Q(e),g(new Set),re()}}),_!==null&&I[_]&&Y(Zn,{files:I,index:_,onIndex:v,onClose:()=>v(null)}),w&&Y($,{title:`Keyboard shortcuts`,onClose:()=>T(!1),children:[Y(`dl`,{class:`shortcuts`,children:or.map(([e,t])=>Y(`div`,{children:[Y(`dt`,{children:Y(`kbd`,{children:e})}),Y(`dd`,{children:t})]},e))}),Y(`div`,{class:`dialog-actions`,children:Y(`button`,{type:`button`,class:`primary`,onClick:()=>T(!1),children:`Close`})})]}),ne]})}function lr({query:e}){let[t,n]=B(null),[r,i]=B(null),[a,o]=B(0),s=()=>o(e=>e+1),{buttons:c,dialog:l}=Vn(s);return V(()=>(window.addEventListener(In,s),()=>window.removeEventListener(In,s)),[]),V(()=>{let t=!0;if(!e.trim())n([]);else return U(tt,{query:e.trim()}).then(e=>t&&(n(e.search),i(null))).catch(e=>t&&i(Z(e))),()=>{t=!1}},[e,a]),Y(`div`,{children:[Y(`div`,{class:`toolbar`,children:Y(`h1`,{children:[`Search results for “`,e,`”`]})}),r&&Y(`p`,{role:`alert`,class:`form-error`,children:r}),t===null?Y(`p`,{class:`muted`,children:`Searching…`}):Y(Wn,{caption:`Search results for ${e}`,entries:t,showPath:!0,actions:c,empty:Y(`p`,{children:[`No file or folder name contains “`,e,`”.`]})}),l]})}function ur(e){return`${e}${e.includes(`?`)?`&`:`?`}dl=1`}function dr(e,t){let n=Lt(t),r=`/s/${e}`;return n.length===0?r:`${r}?path=${encodeURIComponent(n.join(`/`))}`}function fr({token:e,path:t}){let[n,r]=B(null),[i,a]=B(!1),[o,s]=B(null),[c,l]=B(``),[u,d]=B(null),[f,p]=B(!0),[m,h]=B([]),[g,_]=B(0),[v,y]=B(null),b=H(null),x=H(null);async function S(n){p(!0);try{let i=(await U(bt,{token:e,password:n,path:t||null})).sharedLink;i.__typename===`SharedEntry`?(r(i),Lt(i.path).length===0&&y(i.name),a(!1),s(n),x.current=n,d(null),document.title=`${i.name||`Shared folder`} · dropbox-lite`):i.__typename===`PasswordRequiredError`||i.__typename===`WrongPasswordError`?(a(!0),r(null),d(i.__typename===`WrongPasswordError`?X(i):null)):(r(null),a(!1),d(X(i)))}catch(e){d(Z(e))}finally{p(!1)}}V(()=>{S(o)},[e,t,g]);let C=ye(()=>new bn((t,n,r)=>{let i=Ge(xt,{token:e,password:x.current},t,r);return{cancel:i.cancel,promise:i.promise.then(e=>e.uploadToShareLink.__typename===`File`?null:X(e.uploadToShareLink))}},3,()=>_(e=>e+1)),[e]);V(()=>C.subscribe(h),[C]);let w=Lt(n?.path??t);return Y(`div`,{class:`share-page`,children:[Y(`header`,{class:`topbar`,children:[Y(`span`,{class:`brand`,children:[Y(`span`,{class:`brand-mark`,"aria-hidden":`true`}),` dropbox-lite`]}),Y(`span`,{class:`muted`,children:`Shared with you`})]}),Y(`main`,{class:`share-main`,children:[f&&!n&&!i&&!u&&Y(`p`,{class:`muted`,children:`Opening the link…`}),i&&Y(`form`,{class:`share-card`,onSubmit:e=>{e.preventDefault(),S(c)},children:[Y(`h1`,{children:`This link is protected`}),Y(`p`,{class:`muted`,children:`Enter the password you were given to open it.`}),Y(`label`,{for:`share-open-password`,children:`Password`}),Y(`input`,{id:`share-open-password`,type:`password`,autocomplete:`off`,required:!0,value:c,onInput:e=>l(e.currentTarget.value)}),u&&Y(`p`,{role:`alert`,class:`form-error`,children:u}),Y(`button`,{type:`submit`,class:`primary`,children:`Open`})]}),!i&&!n&&u&&Y(`div`,{class:`share-card`,children:[Y(`h1`,{children:`This link does not open`}),Y(`p`,{role:`alert`,children:u})]}),n&&!n.isFolder&&Y(`div`,{class:`share-card`,children:[Y(Hn,{folder:!1}),Y(`h1`,{children:n.name}),Y(`p`,{class:`muted`,children:[K(n.size??0),` · modified `,q(n.modifiedAt),n.expiresAt&&` · link expires ${q(n.expiresAt)}`]}),n.downloadUrl&&Y(`a`,{class:`button-link primary`,href:ur(n.downloadUrl),download:n.name,children:`Download`})]}),n&&n.isFolder&&Y(`div`,{class:`share-folder`,children:[Y(`nav`,{"aria-label":`Breadcrumb`,class:`breadcrumb`,children:Y(`ol`,{children:[{name:v??`Shared folder`,at:`/`},...w.map((e,t)=>({name:e,at:w.slice(0,t+1).join(`/`)}))].map((t,n,r)=>Y(`li`,{children:n===r.length-1?Y(`span`,{"aria-current":`page`,children:t.name}):Y(`a`,{href:dr(e,t.at),onClick:J,children:t.name})},t.at))})}),Y(`div`,{class:`toolbar`,children:[Y(`h1`,{children:n.name}),n.access===`EDITOR`&&Y(`div`,{class:`toolbar-actions`,children:[Y(`label`,{for:`share-upload`,class:`visually-hidden`,children:`Upload files`}),Y(`input`,{id:`share-upload`,ref:b,type:`file`,multiple:!0,class:`visually-hidden`,tabIndex:-1,onChange:e=>{let t=e.currentTarget;t.files&&t.files.length>0&&C.add(Array.from(t.files),null),t.value=``}}),Y(`button`,{type:`button`,class:`primary`,onClick:()=>b.current?.click(),children:`Upload`})]})]}),n.access===`EDITOR`&&Y(`div`,{class:`dropzone`,onDragOver:e=>e.preventDefault(),onDrop:e=>{e.preventDefault();let t=e.dataTransfer?.files;t&&t.length>0&&C.add(Array.from(t),null)},children:`You can add files to this folder: drop them here or use Upload.`}),Y(er,{items:m,queue:C}),n.children&&n.children.items.length>0?Y(`table`,{class:`entries`,children:[Y(`caption`,{class:`visually-hidden`,children:[`Contents of `,n.name]}),Y(`thead`,{children:Y(`tr`,{children:[Y(`th`,{scope:`col`,children:`Name`}),Y(`th`,{scope:`col`,class:`num`,children:`Size`}),Y(`th`,{scope:`col`,children:`Modified`}),Y(`th`,{scope:`col`,children:Y(`span`,{class:`visually-hidden`,children:`Actions`})})]})}),Y(`tbody`,{children:n.children.items.map(t=>Y(`tr`,{"data-entry":t.name,children:[Y(`th`,{scope:`row`,class:`name`,children:[Y(Hn,{folder:t.isFolder}),t.isFolder?Y(`a`,{href:dr(e,t.path),onClick:J,children:t.name}):Y(`span`,{children:t.name})]}),Y(`td`,{class:`num muted`,children:t.isFolder?`—`:K(t.size??0)}),Y(`td`,{class:`muted`,children:q(t.modifiedAt)}),Y(`td`,{class:`actions`,children:t.downloadUrl&&Y(`a`,{class:`button-link`,href:ur(t.downloadUrl),download:t.name,children:`Download`})})]},t.path))})]}):Y(`p`,{class:`empty`,children:`This folder is empty.`}),n.children?.hasMore&&Y(`p`,{class:`muted small`,children:`Only the first 100 items are shown.`})]})]})]})}function pr(e=navigator.userAgent){return`Web app (${/Edg\//.test(e)?`Edge`:/Firefox\//.test(e)?`Firefox`:/Chrom(e|ium)\//.test(e)?`Chrome`:/Safari\//.test(e)?`Safari`:`a browser`})`}function mr({info:e}){let[t,n]=B(``),[r,i]=B(``),[a,o]=B(null),[s,c]=B(!1),[l,u]=B(null);async function d(n){c(!0),o(null);try{let i={username:t.trim(),password:r,deviceName:pr()},a=n===`login`?(await U(Ze,i)).login:(await U(Xe,{...i,inviteCode:l?.trim()||null})).signup;if(a.__typename===`AuthPayload`){en(i.username),Ie(a.token);return}if(a.__typename===`InvalidCredentialsError`&&e?.storageBackend===`memory`&&tn(i.username)){o(nn);return}if(a.__typename===`SignupRefusedError`&&a.policy===`invite`&&l===null){u(``),o(`This server needs an invite code to create an account: enter yours below.`);return}o(X(a))}catch(e){o(Z(e))}finally{c(!1)}}return Y(`main`,{class:`signin`,children:Y(`div`,{class:`signin-card`,children:[Y(`h1`,{class:`brand`,children:[Y(`span`,{class:`brand-mark`,"aria-hidden":`true`}),` dropbox-lite`]}),Y(`p`,{class:`muted`,children:`Your files, on your own server.`}),Y(`form`,{onSubmit:e=>{e.preventDefault(),d(`login`)},children:[Y(`label`,{for:`username`,children:`Username`}),Y(`input`,{id:`username`,name:`username`,autocomplete:`username`,required:!0,value:t,onInput:e=>n(e.currentTarget.value)}),Y(`label`,{for:`password`,children:`Password`}),Y(`input`,{id:`password`,name:`password`,type:`password`,autocomplete:`current-password`,required:!0,value:r,onInput:e=>i(e.currentTarget.value)}),l!==null&&Y(y,{children:[Y(`label`,{for:`invite-code`,children:`Invite code`}),Y(`input`,{id:`invite-code`,name:`invite-code`,autocomplete:`off`,value:l,onInput:e=>u(e.currentTarget.value)})]}),a&&Y(`p`,{role:`alert`,class:`form-error`,children:a}),Y(`div`,{class:`signin-actions`,children:[Y(`button`,{type:`submit`,class:`primary`,disabled:s,children:`Sign in`}),e?.signupPolicy!==`closed`&&Y(`button`,{type:`button`,disabled:s,onClick:e=>{let t=e.currentTarget.form;(!t||t.reportValidity())&&d(`signup`)},children:`Create account`})]}),e?.signupPolicy===`closed`?Y(`p`,{class:`muted small`,children:`This server's administrator creates its accounts.`}):Y(`p`,{class:`muted small`,children:[`New here? Choose a username (3 to 32 letters, digits, `,Y(`code`,{children:`.`}),` `,Y(`code`,{children:`_`}),` `,Y(`code`,{children:`-`}),`) and a password of at least 8 characters, then Create account.`]})]})]})})}function hr(){let[e,t]=B(null),[n,r]=B(null),[i,a]=B(!1),[o,s]=B(null),[c,l]=B(!1),[u,d]=B(0),f=()=>d(e=>e+1);async function p(e,n){try{let i=(await U(nt,{first:100,after:e})).trash;t([...n,...i.edges.map(e=>e.node)]),r(i.pageInfo.endCursor),a(i.pageInfo.hasNextPage)}catch(e){Q(Z(e),`error`)}}V(()=>{p(null,[])},[u]);async function m(e){try{let t=(await U(ct,{id:e.id})).restoreEntry;t.__typename===`File`||t.__typename===`Folder`?(Q(`Restored “${e.name}” to ${t.path}.`),f(),Ln()):Q(X(t),`error`)}catch(e){Q(Z(e),`error`)}}return Y(`div`,{children:[Y(`div`,{class:`toolbar`,children:[Y(`h1`,{children:`Trash`}),Y(`div`,{class:`toolbar-actions`,children:Y(`button`,{type:`button`,class:`danger-text`,disabled:!e||e.length===0,onClick:()=>l(!0),children:[Y(`span`,{class:`i i-delete`,"aria-hidden":`true`}),`Empty trash`]})})]}),Y(`p`,{class:`muted`,children:`Deleted files and folders stay here until you delete them forever. What was deleted in a folder shared with you is its owner's to delete forever.`}),e===null?Y(`p`,{class:`muted`,children:`Loading…`}):Y(Wn,{caption:`Trash`,entries:e,showPath:!0,showDeleted:!0,empty:Y(`p`,{children:`The trash is empty.`}),actions:e=>{let t=e.shared?.ownerUsername,n=e.shared?.yourRole===`VIEWER`,r=e.shared!=null&&!e.shared.youOwn;return Y(An,{name:e.name,actions:[{label:`Restore`,icon:`restore`,disabled:n,title:n?`Only ${t} and editors restore this`:void 0,onClick:()=>void m(e)},{label:`Delete forever`,icon:`delete`,danger:!0,disabled:r,title:r?`Only ${t} deletes this forever`:void 0,onClick:()=>s(e)}]})}}),i&&e&&Y(`button`,{type:`button`,onClick:()=>void p(n,e),children:`Load more`}),c&&Y(wn,{title:`Empty the trash?`,action:`Empty trash`,onClose:()=>l(!1),onConfirm:async()=>{try{let e=(await U(Ot)).emptyTrash;Q(`Deleted ${e} item${e===1?``:`s`} forever.`),f(),Ln()}catch(e){Q(Z(e),`error`)}},children:Y(`p`,{children:`Everything in the trash that is yours is deleted forever. This cannot be undone.`})}),o&&Y(wn,{title:`Delete “${o.name}” forever?`,action:`Delete forever`,onClose:()=>s(null),onConfirm:async()=>{try{await U(lt,{id:o.id}),Q(`Deleted “${o.name}” forever.`),f(),Ln()}catch(e){Q(Z(e),`error`)}},children:Y(`p`,{children:[`This cannot be undone`,o.__typename===`Folder`?`: the folder and everything in it go`:``,`.`]})})]})}function gr({me:e}){let{usedBytes:t,quotaBytes:n}=e.usage;return Y(`div`,{class:`usage`,children:[Y(`span`,{class:`small`,children:Pt(t,n)}),n!=null&&n>0&&Y(`meter`,{min:0,max:n,value:t,"aria-label":`Storage used`})]})}function _r({me:e,children:t,query:n,info:r}){let[i,a]=B(n),{pathname:o}=Gt();V(()=>a(n),[n]);let s=e=>o===e?`page`:void 0;return Y(`div`,{class:`shell`,children:[Y(`header`,{class:`topbar`,children:[Y(`a`,{class:`brand`,href:`/`,onClick:J,children:[Y(`span`,{class:`brand-mark`,"aria-hidden":`true`}),` dropbox-lite`]}),Y(`form`,{role:`search`,class:`search`,onSubmit:e=>{e.preventDefault(),i.trim()&&Wt(`/search?q=${encodeURIComponent(i.trim())}`)},children:[Y(`label`,{for:`search`,class:`visually-hidden`,children:`Search`}),Y(`input`,{id:`search`,type:`search`,placeholder:`Search files and folders`,value:i,onInput:e=>a(e.currentTarget.value)})]}),Y(`div`,{class:`account`,children:[e&&Y(`span`,{class:`username`,children:e.username}),Y(`button`,{type:`button`,onClick:async()=>{try{await U(Qe)}catch{}Ie(null),Wt(`/`,!0)},children:`Sign out`})]})]}),Y(`div`,{class:`layout`,children:[Y(`nav`,{class:`sidebar`,"aria-label":`Main`,children:[Y(`ul`,{children:[Y(`li`,{children:Y(`a`,{href:`/`,onClick:J,"aria-current":o===`/`||o.startsWith(`/browse`)?`page`:void 0,children:[Y(`span`,{class:`icon icon-folder`,"aria-hidden":`true`}),`All files`]})}),Y(`li`,{children:Y(`a`,{href:`/trash`,onClick:J,"aria-current":s(`/trash`),children:[Y(`span`,{class:`icon icon-trash`,"aria-hidden":`true`}),`Trash`]})}),Y(`li`,{children:Y(`a`,{href:`/devices`,onClick:J,"aria-current":s(`/devices`),children:[Y(`span`,{class:`icon icon-device`,"aria-hidden":`true`}),`Devices`]})}),Y(`li`,{children:Y(`a`,{href:`/account`,onClick:J,"aria-current":s(`/account`),children:[Y(`span`,{class:`i i-account`,"aria-hidden":`true`}),`Account`]})}),r?.graphiqlEnabled!==!1&&Y(`li`,{children:Y(`a`,{href:`/graphql`,children:[Y(`span`,{class:`icon icon-code`,"aria-hidden":`true`}),`Playground`]})})]}),e&&Y(gr,{me:e})]}),Y(`main`,{class:`content`,children:t})]}),Y(sn,{})]})}function vr(){let[e,t]=B(Fe()),[n,r]=B(null),i=Gt(),a=Zt();V(()=>Le(t),[]),V(()=>{if(!e){r(null);return}let t=()=>U(Ye).then(e=>r(e.me)).catch(()=>void 0);t(),window.addEventListener(In,t);let n=0,i=qt({token:e,onChange:()=>{window.clearTimeout(n),n=window.setTimeout(Ln,150)}});return()=>{window.removeEventListener(In,t),window.clearTimeout(n),i()}},[e]);let{pathname:o,search:s}=i,c=Y(rn,{info:a});if(o.startsWith(`/s/`))return Y(y,{children:[c,Y(fr,{token:o.slice(3),path:s.get(`path`)??``})]});if(!e)return Y(y,{children:[c,Y(mr,{info:a})]});let l;return l=o===`/trash`?Y(hr,{}):o===`/devices`?Y(cn,{}):o===`/account`?Y(un,{username:n?.username??null}):o===`/search`?Y(lr,{query:s.get(`q`)??``}):Y(cr,{path:Rt(o)}),Y(y,{children:[c,Y(_r,{me:n,info:a,query:o===`/search`?s.get(`q`)??``:``,children:l})]})}Pe();var yr=document.getElementById(`app`);yr&&F(Y(vr,{}),yr);