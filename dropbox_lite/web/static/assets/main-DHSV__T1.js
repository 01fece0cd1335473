var e,t,n,r,i,a,o,s,c,l,u=Symbol.for(`pv`),d={},f=[],p=/^m(i|n|o|s|text|space)$/,m=Array.isArray,h=f.slice,g=Object.assign;function _(e){e&&e.parentNode&&e.remove()}function v(n,r,i,a,o){var s={type:n,props:r,key:i,ref:a,__k:null,__:null,__b:0,__e:null,__c:null,constructor:u,__v:o||++t,__i:-1,__u:0};return!o&&e.vnode&&e.vnode(s),s}function y(e){return e.children}function b(e,t){this.props=e,this.context=t,this.__g=0}function x(e,t){if(t==null)return e.__&&x(e.__,e.__i+1);for(var n;t<e.__k.length;t++)if((n=e.__k[t])&&n.__e)return n.__e;return typeof e.type!=`function`||e.props.__P?null:x(e)}function S(t){var n,r=t.__v,i=r.__e,a=[],o=[],s=t.__P;s&&((n=g({constructor:u},r)).__v=r.__v+1,e.vnode&&e.vnode(n),M(s,n,r,t.__n,s.namespaceURI,32&r.__u?[i]:null,a,i||x(r),32&r.__u,o),n.__v=r.__v,n.__.__k[n.__i]=n,N(a,n,o),r.__=r.__e=null,n.__e!=i&&C(n))}function C(e){if((e=e.__)&&e.__c&&!e.props.__P)return e.__e=null,e.__k.some(function(t){return t&&(e.__e=t.__e)}),C(e)}function w(t){(8&t.__g||(t.__g|=8,n.push(t),i++))&&r==e.debounceRendering||((r=e.debounceRendering)||queueMicrotask)(T)}function T(){try{for(var e,t=1;n.length;)n.length>t&&n.sort(a),e=n.shift(),t=n.length,8&e.__g&&S(e)}finally{(i=n.length)&&(r||queueMicrotask)(T)}}function E(e,t,n,r,i,a,o,s,c,l,u){var p,m,h,g,_,v,y=r.__k||f,b=t.length;for(c=D(n,t,y,c,b),p=0;p<b;p++)(h=n.__k[p])!=null&&(m=~h.__i&&y[h.__i]||d,h.__i=p,v=M(e,h,m,i,a,o,s,c,l,u),g=h.__e,(m.ref!=h.ref||8&m.__u)&&(m.ref&&ie(m.ref,null,h,m),h.ref&&u.push(h.ref,h.__c||g,h)),_||=g,4&h.__u?(c=O(h,c,e,!m.__v),m.__e&&(m.__e=null)):typeof h.type==`function`&&v!==void 0?c=v:g&&(c=g.nextSibling),h.__u&=-21);return n.__e=_,c}function D(e,t,n,r,i){var a,o,s,c,l,d,f,p,h,g=n.length,_=g,b=0,S=0,C=e.__k=Array(i);for(a=0;a<i;a++)(o=t[a])!=null&&typeof o!=`boolean`&&typeof o!=`function`?(typeof o!=`object`||o.constructor===String?o=C[a]=v(null,o):m(o)?o=C[a]=v(y,{children:o}):o.constructor===u&&o.__b?o=C[a]=v(o.type,o.props,o.key,o.ref,o.__v):C[a]=o,c=a+b,o.__=e,o.__b=e.__b+1,s=null,~(l=o.__i=k(o,n,c,_))&&(_--,(s=n[l])&&(s.__u|=2)),s&&s.__v?(o.__u|=16,l==c-1?b--:l==c+1?b++:l!=c&&(l>c?b--:b++,S=1)):(~l||(i>g?b--:i<g&&b++),typeof o.type!=`function`&&(o.__u|=4))):C[a]=null;if(S){for(d=[],f=[],a=0;a<i;a++)if((o=C[a])&&16&o.__u){for(b=0,p=d.length;b<p;)d[h=b+p>>1]<o.__i?b=h+1:p=h;d[b]=o.__i,f[a]=b+1}for(b=d.length;a--;)f[a]&&(f[a]==b?b--:C[a].__u|=4)}if(_)for(a=0;a<g;a++)!(s=n[a])||2&s.__u||(s.__e==r&&(r=x(s)),ae(s,s));return r}function O(e,t,n,r){var i,a,o,s;if(typeof e.type==`function`){if(e.props.__P)return t;if(i=e.__k)for(a=0;a<i.length;a++)i[a]&&(i[a].__=e,t=O(i[a],t,n,!1));return t}for(t&&!t.parentNode&&(t=x(e))&&!t.parentNode&&(t=null),o=e.__e,s=t;s&&s.nodeType==8;)s=s.nextSibling;for(o!=s&&(!r&&n.moveBefore&&o.parentNode?n.moveBefore(o,t):n.insertBefore(o,t||null)),t=o;(t&&=t.nextSibling)&&t.nodeType==8&&!t.data.startsWith(`$s`););return t}function k(e,t,n,r){var i,a=e.key,o=e.type,s=t[n],c=s&&!(2&s.__u);if(s===null&&a==null||c&&a==s.key&&o==s.type)return n;if(r>+!!c){for(i=n-1;i>=0;i--)if((s=t[i])&&!(2&s.__u)&&a==s.key&&o==s.type)return i;for(i=n+1;i<t.length;i++)if((s=t[i])&&!(2&s.__u)&&a==s.key&&o==s.type)return i}return-1}function A(e,t,n){n??=``,t[0]==`-`?e.setProperty(t,n):e[t]=n}function j(e,t,n,r,i){var a,o;if(t==`style`){if(typeof n==`string`)e.style.cssText=n;else{if(typeof r==`string`&&(e.style.cssText=r=``),r)for(t in r)n&&t in n||A(e.style,t);if(n)for(t in n)r&&n[t]==r[t]||A(e.style,t,n[t])}}else if(t[0]==`o`&&t[1]==`n`)typeof n!=`function`&&(n=null),typeof r!=`function`&&(r=null),(e.__e||={})[t]=n,n&&r||(o=l[t]||(l[t]=ee(t)),(e.__a||={})[t]=c,a=t!=(t=t.replace(s,`$1`)),(t=t.slice(2))[0]<`a`&&(t=t.toLowerCase()),n?e.addEventListener(t,o,a):e.removeEventListener(t,o,a));else{if(i==`http://www.w3.org/2000/svg`)t=t.replace(/xlink(H|:h)/,`h`).replace(/sName$/,`s`);else if(t!=`width`&&t!=`height`&&t!=`href`&&t!=`list`&&t!=`form`&&t!=`tabIndex`&&t!=`download`&&t!=`rowSpan`&&t!=`colSpan`&&t!=`role`&&t!=`popover`&&t in e)try{e[t]=n??``;return}catch{}if(typeof n==`function`)return;n==null||!1===n&&t[4]!=`-`?e.removeAttribute(t):e.setAttribute(t,t==`popover`&&n==1?``:n)}}function ee(t){return function(n){var r=this.__e;if(r){if(r=r[t],n[o]==null)n[o]=c++;else if(n[o]<this.__a[t])return;return r(e.event?e.event(n):n)}}}function M(t,n,r,i,a,o,s,c,l,d){var p,h,v,S,C,w,T,D,O,k,A,j,ee,M,N,ie,P,F,I=n.type;if(n.constructor!==u)return null;128&r.__u&&(l=32&r.__u,p=r.__c.__z)&&(n.__u|=l,h=o=[],p.nodeType==8?c=te(p,o):o.push(p),c=o[0]||c),(p=e.__b)&&p(n);n:if(typeof I==`function`){v=s.length;try{if(D=n.props,O=(p=I.prototype)&&p.render,k=(p=I.contextType)&&i[p.__c],A=p?k?k.props.value:p.__:i,(S=r.__c)?(n.__c=S,2&S.__g&&(S.__g|=1)):(O?n.__c=S=new I(D,A):(n.__c=S=new b(D,A),S.constructor=I,S.render=oe),k&&k.sub(S),S.state||(S.state={}),S.__n=i,S.__g|=8,S.__h=[],S.__k=[]),O&&(S.__s||(S.__s=S.state),I.getDerivedStateFromProps&&(S.__s==S.state&&(S.__s=g({},S.__s)),g(S.__s,I.getDerivedStateFromProps(D,S.__s)))),C=S.props,w=S.state,S.__v=n,r.__c){if(D!==C&&O&&!I.getDerivedStateFromProps&&S.componentWillReceiveProps&&S.componentWillReceiveProps(D,A),n.__v==r.__v&&!(8&S.__g)||!(4&S.__g)&&S.shouldComponentUpdate&&!1===S.shouldComponentUpdate(D,S.__s,A)){n.__v!=r.__v&&(S.props=D,S.state=S.__s,S.__g&=-9),n.__e=r.__e,n.__k=r.__k,n.__k.some(function(e){e&&(e.__=n)}),f.push.apply(S.__h,S.__k),S.__k=[],S.__h.length&&s.push(S),c=x(r);break n}S.componentWillUpdate&&S.componentWillUpdate(D,S.__s,A),O&&S.componentDidUpdate&&S.__h.push(function(){S.componentDidUpdate(C,w,T)})}else O&&!I.getDerivedStateFromProps&&S.componentWillMount&&S.componentWillMount(),O&&S.componentDidMount&&S.__h.push(S.componentDidMount);S.context=A,S.props=D,S.__P=t,S.__g&=-5,j=e.__r,ee=O?25:0;do S.__g&=-9,j&&j(n),p=S.render(S.props,S.state=S.__s,S.context);while(8&S.__g&&++ee<25);O&&(f.push.apply(S.__h,S.__k),S.__k=[]),S.state=S.__s,S.getChildContext&&(i=g({},i,S.getChildContext())),O&&r.__c&&S.getSnapshotBeforeUpdate&&(T=S.getSnapshotBeforeUpdate(C,w)),M=p&&p.type===y&&p.key==null?p.props.children:p,D.__P&&(p=c,a=(t=D.__P).namespaceURI,l=o=null,r.props&&r.props.__P!=t&&(r.__k.some(function(e){e&&ae(e,e)}),r.__k=null),c=r.__k?x(r,0):null),c=E(t,m(M)?M:[M],n,r,i,a,o,s,c,l,d),D.__P&&(n.__e=null,c=p),n.__u&=-161,h&&h.some(_),S.__h.length&&s.push(S),1&S.__g&&(S.__g&=-4)}catch(t){if(s.length=v,n.__v=null,l||o){if(t&&t.then){if(n.__u|=128|l,o){for(~(P=o.indexOf(c||void 0))||(P=o.length);(F=o[P-1])&&F.nodeType==8;)P--;for(;P<o.length;P++)if(F=o[P]){if(o[P]=null,N){if(F==ie)break}else{if(F.nodeType!=8)break;F.data.startsWith(`$s`)&&(ie=te(N=F))}}}if(!N){for(;c&&c.nodeType==8&&c.nextSibling;)c=c.nextSibling;N=c}(p=te(N=n.__c.__z||(n.__c.__z=N)))?(n.__e=N,c=p):n.__e=c,c&&=c.nextSibling}else o&&o.some(_)}else n.__e=r.__e;n.__k||=r.__k||[],t&&t.then||ne(n),e.__e(t,n,r)}}else c=n.__e=re(r.__e,n,r,i,a,o,s,l,d,t);return(p=e.diffed)&&p(n),c}function te(e,t){if(e&&e.nodeType==8&&e.data.startsWith(`$s`))for(var n=1;e=e.nextSibling;){if(e.nodeType==8){if(e.data.startsWith(`$s`))n++;else if(e.data.startsWith(`/$s`)&&!--n)return e}t&&t.push(e)}}function ne(e){e&&(e.__c&&(e.__c.__g|=4),e.__k&&e.__k.some(ne))}function N(t,n,r){for(var i=0;i<r.length;)ie(r[i++],r[i++],r[i++]);e.__c&&e.__c(n,t),t.some(function(n){try{t=n.__h,n.__h=[],t.some(function(e){e.call(n)})}catch(t){e.__e(t,n.__v)}})}function re(t,n,r,i,a,o,s,c,l,u){var f,g,v,y,b,S,C,w,T=r.props||d,D=n.props,O=n.type;if(O==`svg`?a=`http://www.w3.org/2000/svg`:O==`math`?a=`http://www.w3.org/1998/Math/MathML`:a||=`http://www.w3.org/1999/xhtml`,o){for(f=0;f<o.length;f++)if((b=o[f])&&(O?b.localName==O:b.nodeType==3)){t=b,o[f]=null;break}}if(!t){if(w=u.ownerDocument||document,!O)return w.createTextNode(D);t=w.createElementNS(a,O,D.is?D:u),c&&=(e.__m&&e.__m(n,o),!1),o=null}if(O){if(u=O==`template`&&t.content||t,o=O==`textarea`&&D.defaultValue!=null?null:o&&h.call(u.childNodes),!c&&o)for(T={},f=0;f<t.attributes.length;f++)T[(b=t.attributes[f]).name]=b.value;for(f in T)b=T[f],f==`dangerouslySetInnerHTML`?v=b:f==`children`||f in D||f==`value`&&`defaultValue`in D||f==`checked`&&`defaultChecked`in D||j(t,f,null,b,a);for(f in D)b=D[f],f==`children`?y=b:f==`dangerouslySetInnerHTML`?g=b:f==`value`?S=b:f==`checked`?C=b:c&&typeof b!=`function`||T[f]===b||j(t,f,b,T[f],a);g?(c||v&&(g.__html==v.__html||g.__html==t.innerHTML)||(t.innerHTML=g.__html),n.__k=[]):(v&&(t.textContent=``),(O==`foreignObject`||a==`http://www.w3.org/1998/Math/MathML`&&p.test(O))&&(a=`http://www.w3.org/1999/xhtml`),E(u,m(y)?y:[y],n,r,i,a,o,s,o?o[0]:r.__k&&x(r,0),c,l),o&&o.some(_)),c&&O!=`textarea`||(f=`value`,O==`progress`&&S==null?t.removeAttribute(f):S==null||S===t[f]&&(O!=`progress`||S)||j(t,f,S,T[f],a),f=`checked`,C!=null&&C!=t[f]&&j(t,f,C,T[f],a))}else T===D||c&&t.data==D||(t.data=D);return t}function ie(t,n,r,i){try{typeof t==`function`?n?n.__x=t(n)||1:(i&&=i.__c||i.__e)&&(n=i.__x)&&(i.__x=null,typeof n==`function`?n():t(null)):t.current=n}catch(t){e.__e(t,r)}}function ae(t,n,r){var i,a,o,s;if(e.unmount&&e.unmount(t),!(i=t.ref)||i.current&&i.current!=t.__e||ie(i,null,n,t),i=t.__c){if(i.componentWillUnmount)try{i.componentWillUnmount()}catch(t){e.__e(t,n)}i.__P=i.__n=null}if(i=t.__k)for(s=0;s<i.length;s++)i[s]&&ae(i[s],n,typeof t.type!=`function`||r&&!t.props.__P);!r&&(i=t.__c)&&(i=i.__z)&&(a=te(i,o=[]))&&(i==t.__e&&o.some(_),_(a),_(i)),r||_(t.__e),t.__e=t.__c=t.__=null}function oe(e,t,n){return this.constructor(e,n)}function P(t,n){var r,i,a,o;e.__&&e.__(t,n),n.nodeType==9&&(n=n.documentElement),i=(r=t&&32&t.__u)?null:n.__k,n.__k=v(y,{children:[t]}),a=[],o=[],M(n,n.__k,i||d,d,n.namespaceURI,i?null:n.firstChild?h.call(n.childNodes):null,a,i?i.__e:n.firstChild,r,o),N(a,n.__k,o),n.__k.props.children=null}e={__e:function(e,t,n,r){for(var a,o,s;t=t.__;)if((a=t.__c)&&!(1&a.__g)){a.__g|=4;try{if((s=(o=a.constructor)&&o.getDerivedStateFromError)&&a.setState(o.getDerivedStateFromError(e)),a.componentDidCatch&&(a.componentDidCatch(e,r||{}),s=1),s&&8&a.__g)return void(a.__g|=2)}catch(t){e=t}}throw i=0,e}},t=0,b.prototype.setState=function(e,t){var n=this.__s;n&&n!=this.state||(n=this.__s=g({},this.state)),typeof e==`function`&&(e=e(g({},n),this.props)),e&&(g(n,e),this.__v&&(t&&this.__k.push(t),w(this)))},b.prototype.forceUpdate=function(e){this.__v&&(this.__g|=4,e&&this.__h.push(e),w(this))},b.prototype.render=y,n=[],i=0,a=function(e,t){return e.__v.__b-t.__v.__b},o=Symbol(),s=/(PointerCapture)$|Capture$/i,c=0,l={};var F,I,se,ce,le=Object.is,ue=0,de=[],fe=[],L=e,pe=L.__b,me=L.__r,he=L.diffed,ge=L.__c,_e=L.unmount,ve=L.__;function ye(e,t){L.__h&&L.__h(I,e,ue||t),ue=0;var n=I.__H||(I.__H={__:[],__h:[]});return e>=n.__.length&&n.__.push({}),n.__[e]}function R(e){return ue=1,be(Ae,e)}function be(e,t,n){var r=ye(F++,2);if(r.t=e,!r.__c&&(r.__=[n?n(t):Ae(void 0,t),function(e){var t=(r.__N||r.__)[0],n=r.t(t,e);le(t,n)||(r.__N=[n,r.__[1]],r.__c.setState({}))}],r.__c=I,!I.__f)){I.__f=!0;var i=I.shouldComponentUpdate;I.shouldComponentUpdate=function(e,t,n){var r=this.__H;if(!r)return!0;var a=!1,o=this.props!=e;if(r.__.some(function(e){e.__N&&(a=!0,le(e.__[0],e.__N[0])||(o=!0))}),i){var s=i.call(this,e,t,n);return a?s||o:s}return!a||o}}return r.__}function z(e,t){var n=ye(F++,3);!L.__s&&ke(n.__H,t)&&(n.__P=!0,n.__=e,n.u=t,I.__H.__h.push(n))}function B(e){return ue=5,xe(function(){return{current:e}},[])}function xe(e,t){var n=ye(F++,7);return ke(n.__H,t)&&(n.__=e(),n.__H=t),n.__}function Se(){var e=ye(F++,11);if(!e.__){for(var t=I.__v;!t.__m&&t.__;)t=t.__;var n=t.__m||(t.__m=[0,0]);e.__=`P`+n[0]+`-`+n[1]++}return e.__}function Ce(){var e;do{for(;e=fe.shift();)try{De(e)}catch(t){L.__e(t,{__:(e=e.__P)&&e.__v})}for(;e=de.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(De),t.__h.some(Oe),t.__h=[]}catch(n){t.__h=[],L.__e(n,e.__v)}}}while(fe.length)}L.__b=function(e){I=null,pe&&pe(e)},L.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),ve&&ve(e,t)},L.__r=function(e){me&&me(e),F=0;var t=(I=e.__c).__H;t&&(se==I?I.__h=[]:(t.__h.some(De),t.__h.some(Oe),F=0),t.__h=[],t.__.some(function(e){e.__N&&(e.__=e.__N),e.u=e.__N=void 0})),se=I},L.diffed=function(e){he&&he(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&Ee(de.push(t)),t.__H.__.some(function(e){e.u&&(e.__H=e.u)})),se=I=null},L.__c=function(e,t){t.some(function(e){try{e.__h.some(De),e.__h=e.__h.filter(function(e){return!e.__||Oe(e)})}catch(t){e.__h=[function(){throw t}]}}),ge&&ge(e,t)},L.unmount=function(e){_e&&_e(e);var t,n,r=e.__c;r&&r.__H&&(r.__H.__.some(function(r){try{if(r.__P&&r.__c){if(n===void 0){for(n=e.__;n&&(!n.__c||!n.__c.__P);)n=n.__;n&&=n.__c}r.__P=n,Ee(fe.push(r))}else De(r)}catch(e){t=e}}),r.__H=void 0,t&&L.__e(t,r.__v))};var we=typeof requestAnimationFrame==`function`;function Te(e){var t,n=function(){clearTimeout(r),we&&cancelAnimationFrame(t),setTimeout(e)},r=setTimeout(n,35);we&&(t=requestAnimationFrame(n))}function Ee(e){e!=1&&ce==L.requestAnimationFrame||((ce=L.requestAnimationFrame)||Te)(Ce)}function De(e){var t=I,n=e.__c;typeof n==`function`&&(e.__c=void 0,n()),I=t}function Oe(e){var t=I;e.__c=e.__(),I=t}function ke(e,t){return!e||e.length!=t.length||t.some(function(t,n){return!le(t,e[n])})}function Ae(e,t){return typeof t==`function`?t(e):t}var je=`dropbox-lite.token`,Me=null,Ne=new Set;function Pe(){try{return window.sessionStorage}catch{return null}}function Fe(){return Me=Pe()?.getItem(`dropbox-lite.token`)??null,Me}function Ie(){return Me}function Le(e){Me=e;let t=Pe();e===null?t?.removeItem(je):t?.setItem(je,e);for(let t of Ne)t(e)}function Re(e){return Ne.add(e),()=>Ne.delete(e)}var ze=`/graphql`,V=class extends Error{code;constructor(e,t=null){super(e),this.code=t,this.name=`RequestError`}};function Be(){let e=Ie();return e?{Authorization:`Bearer ${e}`}:{}}function Ve(e,t){let n=e.errors?.[0];if(n){let e=n.extensions?.code??null;throw e===`UNAUTHENTICATED`&&Ie()&&Le(null),new V(n.message||`The server refused the request.`,e)}if(e.data==null)throw new V(`The server answered ${t}.`);return e.data}async function H(e,...[t]){let n;try{n=await fetch(ze,{method:`POST`,headers:{"Content-Type":`application/json`,Accept:`application/json`,...Be()},body:JSON.stringify({query:e.toString(),variables:t??{}})})}catch{throw new V(`Could not reach the server. Check the connection and try again.`)}let r;try{r=await n.json()}catch{throw new V(`The server answered ${n.status} without a result.`)}return Ve(r,n.status)}var He=class extends Error{constructor(){super(`Cancelled`),this.name=`UploadCancelled`}};function Ue(e,t,n,r,i){let a=new FormData;return a.append(`operations`,JSON.stringify({query:e,variables:{...t,[n]:null}})),a.append(`map`,JSON.stringify({0:[`variables.${n}`]})),a.append(`0`,r,i),a}function We(e,t,n,r){let i=new XMLHttpRequest;return{promise:new Promise((a,o)=>{i.open(`POST`,ze),i.setRequestHeader(`GraphQL-Require-Preflight`,`1`),i.setRequestHeader(`Accept`,`application/json`);for(let[e,t]of Object.entries(Be()))i.setRequestHeader(e,t);i.responseType=`json`,i.upload.onprogress=e=>{e.lengthComputable&&r(e.loaded,e.total)},i.onload=()=>{let e=i.response;if(!e)o(new V(`The server answered ${i.status} without a result.`));else try{a(Ve(e,i.status))}catch(e){o(e)}},i.onerror=()=>o(new V(`The upload failed: the connection was lost.`)),i.onabort=()=>o(new He),i.send(Ue(e.toString(),t,`file`,n,n.name))}),cancel:()=>i.abort()}}var U=class extends String{__apiType;value;__meta__;constructor(e,t){super(e),this.value=e,this.__meta__=t}toString(){return this.value}},Ge=new U(`
    fragment EntryFields on Entry {
  __typename
  id
  name
  path
  parentId
  modifiedAt
  trashed
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
    `,{fragmentName:`EntryFields`}),Ke=new U(`
    fragment FolderMemberFields on FolderMember {
  user {
    username
  }
  role
  isOwner
}
    `,{fragmentName:`FolderMemberFields`}),qe={"\n  fragment EntryFields on Entry {\n    __typename\n    id\n    name\n    path\n    parentId\n    modifiedAt\n    trashed\n    shared {\n      ownerUsername\n      yourRole\n      youOwn\n      folderId\n    }\n    ... on File {\n      size\n      rev\n      mimeType\n    }\n  }\n":Ge,"\n  query Me {\n    me {\n      id\n      username\n      usage {\n        usedBytes\n        quotaBytes\n      }\n    }\n  }\n":new U(`
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
    `),"\n  mutation CreateShareLink(\n    $entryId: ID!\n    $access: ShareAccess\n    $expiresAt: DateTime\n    $password: String\n  ) {\n    createShareLink(entryId: $entryId, access: $access, expiresAt: $expiresAt, password: $password) {\n      __typename\n      ... on ShareLinkCreated {\n        url\n        link {\n          id\n        }\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new U(`
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
    `),"\n  mutation UploadFile($file: Upload!, $parentId: ID) {\n    uploadFile(file: $file, parentId: $parentId, autorename: true) {\n      __typename\n      ... on File {\n        id\n        name\n        path\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new U(`
    mutation UploadFile($file: Upload!, $parentId: ID) {
  uploadFile(file: $file, parentId: $parentId, autorename: true) {
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
    `),"\n  query SharedLink($token: String!, $password: String, $path: String, $after: String) {\n    sharedLink(token: $token, password: $password, path: $path) {\n      __typename\n      ... on SharedEntry {\n        name\n        path\n        isFolder\n        size\n        modifiedAt\n        access\n        expiresAt\n        downloadUrl\n        children(first: 100, after: $after) {\n          items {\n            name\n            path\n            isFolder\n            size\n            modifiedAt\n            downloadUrl\n          }\n          cursor\n          hasMore\n        }\n      }\n      ... on RateLimitedError {\n        retryAfterSeconds\n      }\n      ... on Error {\n        message\n        code\n      }\n    }\n  }\n":new U(`
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
    `),"\n  fragment FolderMemberFields on FolderMember {\n    user {\n      username\n    }\n    role\n    isOwner\n  }\n":Ke,"\n  query FolderMembers($id: ID!) {\n    me {\n      username\n    }\n    entry(id: $id) {\n      __typename\n      id\n      name\n      path\n      shared {\n        ownerUsername\n        yourRole\n        youOwn\n        folderId\n      }\n      ... on Folder {\n        members {\n          ...FolderMemberFields\n        }\n      }\n    }\n  }\n":new U(`
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
    `)};function W(e){return qe[e]??{}}W(`
  fragment EntryFields on Entry {
    __typename
    id
    name
    path
    parentId
    modifiedAt
    trashed
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
`);var Je=W(`
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
`),Ye=W(`
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
`),Xe=W(`
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
`),Ze=W(`
  mutation Logout {
    logout
  }
`),Qe=W(`
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
`),$e=W(`
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
`),et=W(`
  query Search($query: String!) {
    search(query: $query, first: 100) {
      ...EntryFields
    }
  }
`),tt=W(`
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
`),nt=W(`
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
`),rt=W(`
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
`),it=W(`
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
`),at=W(`
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
`),ot=W(`
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
`),st=W(`
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
`),ct=W(`
  mutation PurgeEntry($id: ID!) {
    purgeEntry(id: $id)
  }
`),lt=W(`
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
`),ut=W(`
  query DownloadUrl($id: ID!) {
    entry(id: $id) {
      ... on File {
        downloadUrl(expiresIn: 300)
      }
    }
  }
`),dt=W(`
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
`),ft=W(`
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
`),pt=W(`
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
`),mt=W(`
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
`),ht=W(`
  mutation RevokeShareLink($id: ID!) {
    revokeShareLink(id: $id)
  }
`),gt=W(`
  query Sessions {
    sessions {
      id
      deviceName
      createdAt
      lastSeenAt
      current
    }
  }
`),_t=W(`
  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id)
  }
`),vt=W(`
  mutation UploadFile($file: Upload!, $parentId: ID) {
    uploadFile(file: $file, parentId: $parentId, autorename: true) {
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
`),yt=W(`
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
`),bt=W(`
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
`);var xt=W(`
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
`),St=W(`
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
`),Ct=W(`
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
`),wt=W(`
  mutation RemoveMember($folderId: ID!, $username: String!) {
    removeMember(folderId: $folderId, username: $username)
  }
`),Tt=W(`
  mutation LeaveFolder($folderId: ID!) {
    leaveFolder(folderId: $folderId)
  }
`),Et=[`bytes`,`KB`,`MB`,`GB`,`TB`,`PB`];function G(e){if(!Number.isFinite(e)||e<0)return``;if(e===1)return`1 byte`;let t=e,n=0;for(;t>=1024&&n<Et.length-1;)t/=1024,n+=1;return`${n===0?String(t):t<10?t.toFixed(1):Math.round(t).toString()} ${Et[n]}`}function K(e,t=new Date){let n=new Date(e);return Number.isNaN(n.getTime())?``:n.toDateString()===t.toDateString()?n.toLocaleTimeString(void 0,{hour:`2-digit`,minute:`2-digit`}):n.toLocaleDateString(void 0,{year:`numeric`,month:`short`,day:`numeric`})}function Dt(e,t){return t==null?`${G(e)} used`:`${G(e)} of ${G(t)} used`}function Ot(e,t){return t<=0?0:Math.min(100,Math.max(0,Math.round(e/t*100)))}function kt(e){let t=q(e);return t.length===0?`/`:`/browse/${t.map(encodeURIComponent).join(`/`)}`}function q(e){return e.split(`/`).filter(e=>e.length>0)}function At(e){return`/${e.replace(/^\/browse\/?/,``).split(`/`).filter(e=>e.length>0).map(e=>{try{return decodeURIComponent(e)}catch{return e}}).join(`/`)}`}function jt(e){let t=q(e),n=[{name:`All files`,path:`/`}];return t.forEach((e,r)=>n.push({name:e,path:`/${t.slice(0,r+1).join(`/`)}`})),n}function Mt(e){return`/${q(e).slice(0,-1).join(`/`)}`}function Nt(e){return`/${q(e.trim()).join(`/`)}`}var Pt=`dropbox-lite:navigate`;function Ft(){return{pathname:window.location.pathname,search:new URLSearchParams(window.location.search)}}function It(e,t=!1){t?window.history.replaceState(null,``,e):window.history.pushState(null,``,e),window.dispatchEvent(new Event(Pt))}function Lt(){let[e,t]=R(Ft);return z(()=>{let e=()=>t(Ft());return window.addEventListener(`popstate`,e),window.addEventListener(Pt,e),()=>{window.removeEventListener(`popstate`,e),window.removeEventListener(Pt,e)}},[]),e}function J(e){let t=e.currentTarget;e.button!==0||e.metaKey||e.ctrlKey||e.shiftKey||e.altKey||(e.preventDefault(),It(t.getAttribute(`href`)??`/`))}var Rt={NameTakenError:`An item with this name is already here.`,InvalidNameError:`That name is not allowed.`,InvalidMoveError:`A folder cannot go into itself.`,QuotaExceededError:`There is not enough space left in your storage.`,FileTooLargeError:`The file is larger than this server accepts.`,UsernameTakenError:`That username is taken.`,InvalidCredentialsError:`Wrong username or password.`,WrongPasswordError:`Wrong password.`,PasswordRequiredError:`This link needs a password.`,NotFoundError:`This link does not exist, has expired or was taken back.`,ConflictError:`The file changed meanwhile.`,PermissionDeniedError:`You may not change this: the folder is shared with you as a Viewer.`};function Y(e){if(e.__typename===`RateLimitedError`&&e.retryAfterSeconds!=null){let t=e.retryAfterSeconds;return`Too many attempts. Try again in ${t} second${t===1?``:`s`}.`}return e.message?e.message:Rt[e.__typename??``]??`That did not work.`}function X(e){return e instanceof He?`Cancelled.`:e instanceof V?e.message:`Something went wrong. Try again.`}var zt={EDITOR:`Editor`,VIEWER:`Viewer`};function Bt(e){return e.shared!=null&&e.shared.folderId===e.id}function Vt(e){return Bt(e)&&!e.shared?.youOwn}function Ht(e){return!e.shared||e.shared.yourRole===`EDITOR`||Vt(e)}function Ut(e){return!e||e.yourRole===`EDITOR`}function Wt(e){return e.__typename===`Folder`&&!e.trashed&&(!e.shared||Bt(e))}function Gt(e){return e.youOwn?`Shared by you`:`Shared by ${e.ownerUsername}`}function Kt(e,t){let n=e.filter(e=>!e.isOwner);return n.length===0?`nobody yet`:n.map(e=>{let n=zt[e.role];return`${e.user.username} (${e.user.username===t?`you, ${n}`:n})`}).join(`, `)}function qt(e){return e.youOwn?`You own this folder: its files count against your storage, whoever adds them.`:e.yourRole===`EDITOR`?`${e.ownerUsername} shared this folder with you as an Editor: you can add, change and delete files.`:`${e.ownerUsername} shared this folder with you as a Viewer: you can open and download files, not change them.`}var Jt=class{start;concurrency;onSettled;entries=[];nextId=1;listeners=new Set;constructor(e,t=3,n=()=>{}){this.start=e,this.concurrency=t,this.onSettled=n}get items(){return this.entries.map(e=>e.item)}subscribe(e){return this.listeners.add(e),()=>this.listeners.delete(e)}add(e,t){for(let n of e)this.entries.push({item:{id:this.nextId++,name:n.name,loaded:0,total:n.size,status:`queued`,message:null},file:n,target:t,cancel:null});this.pump()}cancel(e){let t=this.entries.find(t=>t.item.id===e);t&&(t.item.status===`queued`?this.update(t,{status:`cancelled`,message:`Cancelled.`}):t.item.status===`uploading`&&t.cancel?.())}clearFinished(){this.entries=this.entries.filter(e=>e.item.status===`queued`||e.item.status===`uploading`),this.emit()}update(e,t){e.item={...e.item,...t},this.emit()}emit(){let e=this.items;for(let t of this.listeners)t(e)}pump(){let e=this.entries.filter(e=>e.item.status===`uploading`).length;for(let t of this.entries){if(e>=this.concurrency)break;t.item.status===`queued`&&(e+=1,this.run(t))}this.emit()}run(e){let t=!1,n=this.start(e.file,e.target,(t,n)=>this.update(e,{loaded:n>0?Math.round(e.file.size*t/n):0}));e.cancel=()=>{t=!0,n.cancel()},e.item={...e.item,status:`uploading`},n.promise.then(t=>t===null?this.update(e,{status:`done`,loaded:e.item.total,message:null}):this.update(e,{status:`failed`,message:t}),n=>this.update(e,t?{status:`cancelled`,message:`Cancelled.`}:{status:`failed`,message:n instanceof Error?n.message:String(n)})).finally(()=>{e.cancel=null,this.onSettled(),this.pump()})}},Yt=Symbol.for(`pv`),Xt=0;Array.isArray;function Z(t,n,r,i,a,o){n||={};var s,c,l=n;if(`ref`in l&&typeof t!=`function`)for(c in l={},n)c==`ref`?s=n[c]:l[c]=n[c];var u={type:t,props:l,key:r,ref:s,__k:null,__:null,__b:0,__e:null,__c:null,constructor:Yt,__v:--Xt,__i:-1,__u:0};return(a||o)&&(u.__source=a,u.__self=o),e.vnode&&e.vnode(u),u}function Zt({title:e,onClose:t,children:n,wide:r}){let i=B(null),a=Se();return z(()=>{let e=document.activeElement,t=i.current;return t&&!t.open&&t.showModal(),()=>{t?.close();let n=e;n?.isConnected&&typeof n.focus==`function`&&n.focus()}},[]),Z(`dialog`,{ref:i,class:r?`dialog dialog-wide`:`dialog`,"aria-labelledby":a,onCancel:e=>{e.preventDefault(),t()},children:[Z(`h2`,{id:a,children:e}),n]})}function Qt({title:e,action:t,children:n,onConfirm:r,onClose:i}){let[a,o]=R(!1);return Z(Zt,{title:e,onClose:i,children:[n,Z(`div`,{class:`dialog-actions`,children:[Z(`button`,{type:`button`,onClick:i,autoFocus:!0,children:`Cancel`}),Z(`button`,{type:`button`,class:`danger`,disabled:a,onClick:async()=>{o(!0),await r(),o(!1),i()},children:t})]})]})}function $t({kind:e,entry:t,onDone:n,onClose:r}){let[i,a]=R(Mt(t.path)),[o,s]=R(t.name),[c,l]=R([]),[u,d]=R(null),[f,p]=R(!1),m=Nt(i);z(()=>{let e=!0,n=window.setTimeout(()=>{H(lt,{path:m}).then(n=>{if(!e)return;let r=n.entry;l(r?.__typename===`Folder`?r.children.edges.map(e=>e.node).filter(e=>e.__typename===`Folder`&&e.id!==t.id):[])}).catch(()=>e&&l([]))},150);return()=>{e=!1,window.clearTimeout(n)}},[m,t.id]);async function h(){p(!0),d(null);try{let i=(await H(lt,{path:m})).entry;if(i?.__typename!==`Folder`){d(`There is no folder ${m}.`);return}let a={id:t.id,parentId:i.id,name:o.trim()||null},s=e===`Move`?(await H(it,a)).moveEntry:(await H(at,a)).copyEntry;s.__typename===`File`||s.__typename===`Folder`?(n(e===`Move`?`Moved to ${s.path}.`:`Copied to ${s.path}.`),r()):d(Y(s))}catch(e){d(X(e))}finally{p(!1)}}return Z(Zt,{title:`${e} “${t.name}”`,onClose:r,children:Z(`form`,{onSubmit:e=>{e.preventDefault(),h()},children:[Z(`label`,{for:`destination`,children:`Destination folder`}),Z(`input`,{id:`destination`,value:i,onInput:e=>a(e.currentTarget.value)}),Z(`div`,{class:`folder-picker`,role:`group`,"aria-label":`Folders in the destination`,children:[m!==`/`&&Z(`button`,{type:`button`,class:`link-button`,onClick:()=>a(Mt(m)),children:[`↑ Up to `,Mt(m)===`/`?`All files`:Mt(m)]}),c.map(e=>Z(`button`,{type:`button`,class:`link-button`,onClick:()=>a(e.path),children:[Z(`span`,{class:`icon icon-folder`,"aria-hidden":`true`}),e.name]},e.id)),c.length===0&&Z(`p`,{class:`muted small`,children:`No folders inside.`})]}),Z(`label`,{for:`entry-name`,children:`Name`}),Z(`input`,{id:`entry-name`,value:o,onInput:e=>s(e.currentTarget.value)}),u&&Z(`p`,{role:`alert`,class:`form-error`,children:u}),Z(`div`,{class:`dialog-actions`,children:[Z(`button`,{type:`button`,onClick:r,children:`Cancel`}),Z(`button`,{type:`submit`,class:`primary`,disabled:f,children:e})]})]})})}function en({title:e,action:t,initial:n,onSubmit:r,onClose:i}){let[a,o]=R(n),[s,c]=R(null),[l,u]=R(!1);return Z(Zt,{title:e,onClose:i,children:Z(`form`,{onSubmit:async e=>{e.preventDefault(),u(!0);let t=await r(a);u(!1),t?c(t):i()},children:[Z(`label`,{for:`entry-name`,children:`Name`}),Z(`input`,{id:`entry-name`,required:!0,value:a,autoFocus:!0,onFocus:e=>{let t=e.currentTarget,n=t.value.lastIndexOf(`.`);t.setSelectionRange(0,n>0?n:t.value.length)},onInput:e=>o(e.currentTarget.value)}),s&&Z(`p`,{role:`alert`,class:`form-error`,children:s}),Z(`div`,{class:`dialog-actions`,children:[Z(`button`,{type:`button`,onClick:i,children:`Cancel`}),Z(`button`,{type:`submit`,class:`primary`,disabled:l,children:t})]})]})})}var tn=null;function Q(e,t=`info`){tn?.({text:e,kind:t,at:Date.now()})}function nn(){let[e,t]=R(null);return z(()=>(tn=t,()=>{tn=null}),[]),z(()=>{if(!e||e.kind===`error`)return;let n=window.setTimeout(()=>t(null),6e3);return()=>window.clearTimeout(n)},[e]),Z(`div`,{class:`notice-area`,children:[Z(`p`,{role:`status`,class:`notice`,children:e?.kind===`info`?e.text:``}),e?.kind===`error`&&Z(`p`,{role:`alert`,class:`notice notice-error`,children:[e.text,` `,Z(`button`,{type:`button`,class:`link-button`,onClick:()=>t(null),children:`Dismiss`})]})]})}function rn(e,t){return e.__typename===`NotFoundError`?`There is no user called “${t}”.`:Y(e)}function an({id:e,label:t,value:n,onChange:r}){return Z(`select`,{id:e,"aria-label":t,value:n,onChange:e=>r(e.currentTarget.value),children:[Z(`option`,{value:`EDITOR`,children:zt.EDITOR}),Z(`option`,{value:`VIEWER`,children:zt.VIEWER})]})}function on({folder:e,onClose:t,onChanged:n}){let[r,i]=R(null),[a,o]=R(null),[s,c]=R(null),[l,u]=R(``),[d,f]=R(`EDITOR`),[p,m]=R(null),[h,g]=R(null),[_,v]=R(!1),[b,x]=R(!1),S=B(null),C=B(null),w=B(null);async function T(){try{let t=await H(xt,{id:e.id}),n=t.entry;if(!n||n.__typename!==`Folder`){g(`This folder is gone: it may have been deleted, or you were removed from it.`),c([]);return}i(t.me?.username??null),o(n.shared??null),c(n.members)}catch(e){g(X(e))}}z(()=>{T()},[e.id]);let E=s!==null&&(a===null||a.youOwn);z(()=>{E&&S.current?.focus()},[E]);let D=B(!1);z(()=>{b?C.current?.focus():D.current&&w.current?.focus(),D.current=b},[b]);function O(){v(!0),g(null),m(null)}async function k(){let t=l.trim();if(!t)g(`Type the username of the person to add.`),S.current?.focus();else{O();try{let r=(await H(St,{folderId:e.id,username:t,role:d})).shareFolder;r.__typename===`Folder`?(c(r.members),u(``),m(`Added ${t} as ${d===`EDITOR`?`an Editor`:`a Viewer`}.`),n(!1),await T()):g(rn(r,t))}catch(e){g(X(e))}finally{v(!1),S.current?.focus()}}}async function A(t,r){O();try{let i=(await H(Ct,{folderId:e.id,username:t,role:r})).updateMember;i.__typename===`Folder`?(c(i.members),m(`${t} is now ${r===`EDITOR`?`an Editor`:`a Viewer`}.`),n(!1)):(g(rn(i,t)),await T())}catch(e){g(X(e)),await T()}finally{v(!1)}}async function j(t){O();try{await H(wt,{folderId:e.id,username:t}),m(`Removed ${t}: the folder is gone from their files.`),n(!1),await T()}catch(e){g(X(e))}finally{v(!1),S.current?.focus()}}async function ee(){O();try{await H(Tt,{folderId:e.id}),n(!0),t()}catch(e){g(X(e)),v(!1)}}return Z(Zt,{title:`Share “${e.name}” with people`,onClose:t,wide:!0,children:[s===null&&!h&&Z(`p`,{class:`muted`,children:`Loading…`}),E&&Z(`form`,{class:`member-form`,onSubmit:e=>{e.preventDefault(),k()},children:[Z(`div`,{class:`member-add`,children:[Z(`div`,{children:[Z(`label`,{for:`member-username`,children:`Username`}),Z(`input`,{id:`member-username`,ref:S,autocomplete:`off`,autocapitalize:`none`,spellcheck:!1,value:l,"aria-describedby":`member-roles`,onInput:e=>u(e.currentTarget.value)})]}),Z(`div`,{children:[Z(`label`,{for:`member-role`,children:`Role`}),Z(an,{id:`member-role`,value:d,onChange:f})]}),Z(`button`,{type:`submit`,class:`primary`,disabled:_,children:`Add`})]}),Z(`p`,{id:`member-roles`,class:`muted small`,children:`Editors can add, change and delete files in the folder; viewers can open and download them. The folder appears in their files; its files count against your storage.`})]}),!E&&a&&Z(`p`,{children:qt(a)}),p&&Z(`p`,{role:`status`,class:`form-note`,children:p}),h&&Z(`p`,{role:`alert`,class:`form-error`,children:h}),s!==null&&Z(y,{children:[Z(`h3`,{children:`Who has access`}),s.length===0?Z(`p`,{class:`muted`,children:`Only you. Add someone by their username to share this folder.`}):Z(`ul`,{class:`member-list`,"aria-label":`Members`,children:s.map(e=>{let t=e.user.username;return Z(`li`,{"data-member":t,children:[Z(`span`,{class:`member-name`,children:[t,t===r&&Z(`span`,{class:`muted`,children:` (you)`})]}),e.isOwner?Z(`span`,{class:`badge`,children:`Owner`}):E?Z(`span`,{class:`member-actions`,children:[Z(an,{id:`member-role-${t}`,label:`Role of ${t}`,value:e.role,onChange:e=>void A(t,e)}),Z(`button`,{type:`button`,class:`link-button danger-text`,title:`Remove ${t}`,disabled:_,onClick:()=>void j(t),children:`Remove`})]}):Z(`span`,{class:`muted`,children:zt[e.role]})]},t)})})]}),!E&&a&&b&&Z(`div`,{class:`leave-confirm`,role:`group`,"aria-label":`Leave the folder`,children:Z(`p`,{children:[`“`,e.name,`” goes from your files; nothing of `,a.ownerUsername,`'s is deleted. You get it back only if `,a.ownerUsername,` adds you again.`]})}),Z(`div`,{class:`dialog-actions`,children:[!E&&a&&!b&&Z(`button`,{type:`button`,ref:w,class:`danger-text leave-button`,onClick:()=>x(!0),children:`Leave folder`}),!E&&a&&b&&Z(y,{children:[Z(`button`,{type:`button`,ref:C,onClick:()=>x(!1),children:`Stay`}),Z(`button`,{type:`button`,class:`danger`,disabled:_,onClick:()=>void ee(),children:`Leave folder`})]}),Z(`button`,{type:`button`,onClick:t,children:`Close`})]})]})}function sn(e){if(!e)return null;let t=new Date(`${e}T23:59:59`);return Number.isNaN(t.getTime())?null:t.toISOString()}function cn(e){let t=[e.access===`EDITOR`?`view and upload`:`view only`];return e.hasPassword&&t.push(`password`),t.push(e.expiresAt?`expires ${K(e.expiresAt)}`:`no expiry`),t.push(`${e.downloadCount} download${e.downloadCount===1?``:`s`}`),t.join(` · `)}async function ln(e,t){try{return await navigator.clipboard.writeText(t),!0}catch{return e?.select(),document.execCommand(`copy`)}}function un({entry:e,onClose:t}){let n=e.__typename===`Folder`,[r,i]=R([]),[a,o]=R(``),[s,c]=R(``),[l,u]=R(!1),[d,f]=R(null),[p,m]=R(null),[h,g]=R(null),[_,v]=R(!1),y=new Date().toISOString().slice(0,10);async function b(){try{i((await H(pt,{entryId:e.id})).shareLinks)}catch(e){g(X(e))}}z(()=>{b()},[e.id]);async function x(){v(!0),g(null),m(null);try{let t=(await H(mt,{entryId:e.id,access:n&&l?`EDITOR`:`VIEWER`,expiresAt:sn(a),password:s||null})).createShareLink;t.__typename===`ShareLinkCreated`?(f({id:t.link.id,url:t.url}),c(``),await b()):g(Y(t))}catch(e){g(X(e))}finally{v(!1)}}async function S(e){try{await H(ht,{id:e}),d?.id===e&&f(null),m(`The link was revoked: it no longer opens.`),await b()}catch(e){g(X(e))}}return Z(Zt,{title:`Share “${e.name}”`,onClose:t,wide:!0,children:[d?Z(`div`,{class:`share-created`,children:[Z(`label`,{for:`share-link`,children:`Link`}),Z(`div`,{class:`inline-field`,children:[Z(`input`,{id:`share-link`,readOnly:!0,value:d.url,onFocus:e=>e.currentTarget.select()}),Z(`button`,{type:`button`,class:`primary`,onClick:async()=>{let e=await ln(document.getElementById(`share-link`),d.url);m(e?`Link copied.`:`Select the link and copy it.`)},children:`Copy`}),Z(`button`,{type:`button`,class:`danger`,onClick:()=>void S(d.id),children:`Revoke`})]}),Z(`p`,{class:`muted small`,children:`Anyone with this link can open it. It is shown only now: copy it.`})]}):Z(`form`,{class:`share-form`,onSubmit:e=>{e.preventDefault(),x()},children:[Z(`div`,{class:`field-row`,children:[Z(`div`,{children:[Z(`label`,{for:`share-expires`,children:`Expires (optional)`}),Z(`input`,{id:`share-expires`,type:`date`,min:y,value:a,onInput:e=>o(e.currentTarget.value)})]}),Z(`div`,{children:[Z(`label`,{for:`share-password`,children:`Link password (optional)`}),Z(`input`,{id:`share-password`,type:`password`,autocomplete:`new-password`,minLength:8,value:s,onInput:e=>c(e.currentTarget.value)})]})]}),n&&Z(`label`,{class:`checkbox`,children:[Z(`input`,{type:`checkbox`,checked:l,onChange:e=>u(e.currentTarget.checked)}),`Visitors can upload files into this folder`]}),Z(`button`,{type:`submit`,class:`primary`,disabled:_,children:`Create link`})]}),p&&Z(`p`,{role:`status`,class:`form-note`,children:p}),h&&Z(`p`,{role:`alert`,class:`form-error`,children:h}),Z(`h3`,{children:[`Links to this `,n?`folder`:`file`]}),r.length===0?Z(`p`,{class:`muted`,children:`No links yet.`}):Z(`ul`,{class:`link-list`,children:r.map(e=>Z(`li`,{children:[Z(`span`,{children:[`Created `,K(e.createdAt),` · `,cn(e)]}),Z(`button`,{type:`button`,class:`link-button`,"aria-label":`Revoke link created ${new Date(e.createdAt).toLocaleString()}`,onClick:()=>void S(e.id),children:`Revoke link`})]},e.id))}),Z(`div`,{class:`dialog-actions`,children:Z(`button`,{type:`button`,onClick:t,children:`Close`})})]})}function dn({entry:e,readOnly:t=!1,onChanged:n,onClose:r}){let[i,a]=R(null),[o,s]=R(null),[c,l]=R(null),[u,d]=R(null);async function f(){try{let t=(await H(dt,{id:e.id})).entry;t&&`revisions`in t?(a(t.rev),s(t.revisions)):s([])}catch(e){l(X(e))}}z(()=>{f()},[e.id]);async function p(t){l(null);try{let r=(await H(ft,{fileId:e.id,rev:t})).restoreRevision;r.__typename===`File`?(d(`Revision ${t} is the current version again (now revision ${r.rev}).`),n(),await f()):l(Y(r))}catch(e){l(X(e))}}return Z(Zt,{title:`Versions of “${e.name}”`,onClose:r,wide:!0,children:[o===null?Z(`p`,{class:`muted`,children:`Loading…`}):Z(`table`,{class:`entries`,children:[Z(`caption`,{class:`visually-hidden`,children:`Versions`}),Z(`thead`,{children:Z(`tr`,{children:[Z(`th`,{scope:`col`,children:`Version`}),Z(`th`,{scope:`col`,class:`num`,children:`Size`}),Z(`th`,{scope:`col`,children:`Saved`}),Z(`th`,{scope:`col`,children:Z(`span`,{class:`visually-hidden`,children:`Actions`})})]})}),Z(`tbody`,{children:o.map(e=>Z(`tr`,{children:[Z(`th`,{scope:`row`,children:[`Revision `,e.rev,e.rev===i&&` `,e.rev===i&&Z(`span`,{class:`badge`,children:`current`})]}),Z(`td`,{class:`num muted`,children:G(e.size)}),Z(`td`,{class:`muted`,children:K(e.createdAt)}),Z(`td`,{class:`actions`,children:[Z(`a`,{class:`button-link`,href:e.downloadUrl,download:!0,children:`Download`}),e.rev!==i&&!t&&Z(`button`,{type:`button`,onClick:()=>void p(e.rev),children:`Restore`})]})]},e.rev))})]}),u&&Z(`p`,{role:`status`,class:`form-note`,children:u}),c&&Z(`p`,{role:`alert`,class:`form-error`,children:c}),Z(`div`,{class:`dialog-actions`,children:Z(`button`,{type:`button`,onClick:r,children:`Close`})})]})}var $=`dropbox-lite:changed`;function fn(){window.dispatchEvent(new Event($))}async function pn(e){try{let t=(await H(ut,{id:e.id})).entry;if(!t||!(`downloadUrl`in t)){Q(`“${e.name}” is not a file.`,`error`);return}let n=document.createElement(`a`);n.href=t.downloadUrl,n.download=e.name,n.rel=`noopener`,document.body.append(n),n.click(),n.remove()}catch(e){Q(X(e),`error`)}}function mn(e){let t=At(window.location.pathname);(t===e||t.startsWith(`${e}/`))&&It(`/`,!0),fn()}function hn(e){let[t,n]=R(null),r=()=>n(null),i=()=>{e(),fn()};async function a(e){try{let t=(await H(ot,{id:e.id})).deleteEntry;t.__typename===`File`||t.__typename===`Folder`?(Q(`Moved “${e.name}” to the trash.`),i()):Q(Y(t),`error`)}catch(e){Q(X(e),`error`)}}async function o(t){try{await H(Tt,{folderId:t.id}),Q(`You left “${t.name}”.`),e(),mn(t.path)}catch(e){Q(X(e),`error`)}}let s=e=>{let t=e.__typename===`File`,r=t=>`${t} ${e.name}`,i=!Ht(e),o=Vt(e);return Z(`div`,{class:`row-actions`,role:`group`,"aria-label":`Actions for ${e.name}`,children:[t&&Z(`button`,{type:`button`,title:r(`Download`),onClick:()=>void pn(e),children:`Download`}),Wt(e)&&Z(`button`,{type:`button`,title:`Share “${e.name}” with people`,onClick:()=>n({kind:`People`,entry:e}),children:`People`}),Z(`button`,{type:`button`,title:r(`Share`),disabled:e.shared?.yourRole===`VIEWER`||o,onClick:()=>n({kind:`Share`,entry:e}),children:`Share`}),Z(`button`,{type:`button`,title:r(`Rename`),disabled:i,onClick:()=>n({kind:`Rename`,entry:e}),children:`Rename`}),Z(`button`,{type:`button`,title:r(`Move`),disabled:i,onClick:()=>n({kind:`Move`,entry:e}),children:`Move`}),Z(`button`,{type:`button`,title:r(`Copy`),onClick:()=>n({kind:`Copy`,entry:e}),children:`Copy`}),t&&Z(`button`,{type:`button`,title:r(`Versions`),onClick:()=>n({kind:`Versions`,entry:e}),children:`Versions`}),o?Z(`button`,{type:`button`,class:`danger-text`,title:`Leave ${e.name}`,onClick:()=>n({kind:`Leave`,entry:e}),children:`Leave`}):Z(`button`,{type:`button`,class:`danger-text`,title:r(`Delete`),disabled:i,onClick:()=>void a(e),children:`Delete`})]})},c=null;if(t?.kind===`Rename`){let e=t.entry;c=Z(en,{title:`Rename “${e.name}”`,action:`Rename`,initial:e.name,onClose:r,onSubmit:async t=>{try{let n=(await H(rt,{id:e.id,name:t.trim()})).renameEntry;return n.__typename===`File`||n.__typename===`Folder`?(Q(`Renamed to “${n.name}”.`),i(),null):Y(n)}catch(e){return X(e)}}})}else if(t?.kind===`Move`||t?.kind===`Copy`)c=Z($t,{kind:t.kind,entry:t.entry,onClose:r,onDone:e=>{Q(e),i()}});else if(t?.kind===`Share`)c=Z(un,{entry:t.entry,onClose:r});else if(t?.kind===`Versions`)c=Z(dn,{entry:t.entry,readOnly:!Ht(t.entry),onClose:r,onChanged:i});else if(t?.kind===`People`){let n=t.entry;c=Z(on,{folder:n,onClose:r,onChanged:t=>{t?(Q(`You left “${n.name}”.`),e(),mn(n.path)):i()}})}else if(t?.kind===`Leave`){let e=t.entry,n=e.shared?.ownerUsername??`its owner`;c=Z(Qt,{title:`Leave “${e.name}”?`,action:`Leave folder`,onClose:r,onConfirm:()=>o(e),children:Z(`p`,{children:[`The folder goes from your files; nothing of `,n,`'s is deleted. You get it back only if `,n,` adds you again.`]})})}return{buttons:s,dialog:c}}function gn({folder:e}){return Z(`span`,{class:e?`icon icon-folder`:`icon icon-file`,"aria-hidden":`true`})}function _n({caption:e,entries:t,showPath:n,actions:r,empty:i}){return t.length===0?Z(`div`,{class:`empty`,children:i}):Z(`table`,{class:`entries`,children:[Z(`caption`,{class:`visually-hidden`,children:e}),Z(`thead`,{children:Z(`tr`,{children:[Z(`th`,{scope:`col`,children:`Name`}),n&&Z(`th`,{scope:`col`,children:`Folder`}),Z(`th`,{scope:`col`,class:`num`,children:`Size`}),Z(`th`,{scope:`col`,children:`Modified`}),Z(`th`,{scope:`col`,children:Z(`span`,{class:`visually-hidden`,children:`Actions`})})]})}),Z(`tbody`,{children:t.map(e=>{let t=e.__typename===`Folder`;return Z(`tr`,{"data-entry":e.name,children:[Z(`th`,{scope:`row`,class:`name`,children:[Z(gn,{folder:t}),t&&!e.trashed?Z(`a`,{href:kt(e.path),onClick:J,children:e.name}):Z(`span`,{children:e.name}),e.shared&&Bt(e)&&Z(y,{children:[` `,Z(`span`,{class:`badge badge-shared`,title:Gt(e.shared),children:`Shared`})]})]}),n&&Z(`td`,{class:`muted`,children:Mt(e.path)}),Z(`td`,{class:`num muted`,children:e.__typename===`File`?G(e.size):`—`}),Z(`td`,{class:`muted`,children:Z(`time`,{dateTime:e.modifiedAt,children:K(e.modifiedAt)})}),Z(`td`,{class:`actions`,children:r(e)})]},e.id)})})]})}function vn({shared:e}){let[t,n]=R(null),[r,i]=R(!1),[a,o]=R(0);return z(()=>{let t=!0;return H(xt,{id:e.folderId}).then(e=>{let r=e.entry;t&&r?.__typename===`Folder`&&n({id:r.id,name:r.name,path:r.path,members:r.members,me:e.me?.username??null})}).catch(()=>t&&n(null)),()=>{t=!1}},[e.folderId,a]),z(()=>{let e=()=>o(e=>e+1);return window.addEventListener($,e),()=>window.removeEventListener($,e)},[]),Z(`section`,{class:`shared-bar`,"aria-label":`Sharing`,children:[Z(`div`,{children:[Z(`p`,{children:[Z(`span`,{class:`badge badge-shared`,children:`Shared`}),` `,Gt(e),t&&Z(y,{children:[` with `,Kt(t.members,t.me)]})]}),Z(`p`,{id:`shared-role`,class:`muted small`,children:qt(e)})]}),t&&Z(`button`,{type:`button`,onClick:()=>i(!0),title:`Share “${t.name}” with people`,children:`People`}),r&&t&&Z(on,{folder:t,onClose:()=>i(!1),onChanged:e=>{e?(Q(`You left “${t.name}”.`),mn(t.path)):fn()}})]})}var yn={queued:`Waiting`,uploading:`Uploading`,done:`Uploaded`,failed:`Failed`,cancelled:`Cancelled`};function bn({items:e,queue:t}){if(e.length===0)return null;let n=e.every(e=>e.status!==`queued`&&e.status!==`uploading`);return Z(`section`,{class:`uploads`,"aria-label":`Uploads`,children:[Z(`div`,{class:`uploads-head`,children:[Z(`h2`,{children:`Uploads`}),n&&Z(`button`,{type:`button`,class:`link-button`,onClick:()=>t.clearFinished(),children:`Clear`})]}),Z(`ul`,{children:e.map(e=>{let n=e.status===`done`?100:Ot(e.loaded,e.total);return Z(`li`,{class:`upload upload-${e.status}`,children:[Z(`div`,{class:`upload-line`,children:[Z(`span`,{class:`upload-name`,children:e.name}),Z(`span`,{class:`muted small`,children:e.status===`failed`||e.status===`cancelled`?e.message:`${yn[e.status]} · ${G(e.loaded)} of ${G(e.total)}`}),(e.status===`queued`||e.status===`uploading`)&&Z(`button`,{type:`button`,class:`link-button`,"aria-label":`Cancel upload of ${e.name}`,onClick:()=>t.cancel(e.id),children:`Cancel`})]}),Z(`progress`,{max:100,value:n,"aria-label":`Upload of ${e.name}`,children:[n,`%`]})]},e.id)})})]})}var xn=`dropbox-lite:first-listing`,Sn=new Jt((e,t,n)=>{let r=We(vt,{parentId:t},e,n);return{cancel:r.cancel,promise:r.promise.then(e=>e.uploadFile.__typename===`File`?null:Y(e.uploadFile))}},3,fn);async function Cn(e,t){let n=e===`/`?(await H(Qe,{first:100,after:t})).folder:(await H($e,{path:e,first:100,after:t})).entry;return!n||n.__typename!==`Folder`?null:{path:e,folderId:n.id,shared:n.shared??null,entries:n.children.edges.map(e=>e.node),totalCount:n.children.totalCount,endCursor:n.children.pageInfo.endCursor,hasNextPage:n.children.pageInfo.hasNextPage}}function wn({path:e}){let t=jt(e);return Z(`nav`,{"aria-label":`Breadcrumb`,class:`breadcrumb`,children:Z(`ol`,{children:t.map((e,n)=>Z(`li`,{children:n===t.length-1?Z(`span`,{"aria-current":`page`,children:e.name}):Z(`a`,{href:kt(e.path),onClick:J,children:e.name})},e.path))})})}function Tn({path:e}){let[t,n]=R(null),[r,i]=R(!1),[a,o]=R(null),[s,c]=R(!1),[l,u]=R(!1),[d,f]=R([]),p=B(null),m=B(null),[h,g]=R(0),_=()=>g(e=>e+1);z(()=>(f(Sn.items),Sn.subscribe(f)),[]),z(()=>{t?.path!==e&&(m.current=null,n(null));let r=!0;return Cn(e,null).then(e=>{r&&(i(e===null),n(e),performance.getEntriesByName(`dropbox-lite:first-listing`).length===0&&performance.mark(xn),m.current=e?.folderId??null,o(null))}).catch(e=>r&&o(X(e))),()=>{r=!1}},[e,h]),z(()=>(window.addEventListener($,_),()=>window.removeEventListener($,_)),[]);let{buttons:v,dialog:b}=hn(_);async function x(){if(t?.endCursor)try{let r=await Cn(e,t.endCursor);r&&n({...r,entries:[...t.entries,...r.entries]})}catch(e){Q(X(e),`error`)}}let S=e===`/`?`All files`:e.split(`/`).pop(),C=Ut(t?.shared);return Z(`div`,{class:l?`browser dropping`:`browser`,onDragOver:e=>{e.dataTransfer?.types.includes(`Files`)&&t&&(e.preventDefault(),u(!0))},onDragLeave:e=>{e.currentTarget===e.target&&u(!1)},onDrop:e=>{e.preventDefault(),u(!1);let t=e.dataTransfer?.files;t&&t.length>0&&m.current&&Sn.add(Array.from(t),m.current)},children:[Z(wn,{path:e}),Z(`div`,{class:`toolbar`,children:[Z(`h1`,{children:S}),Z(`div`,{class:`toolbar-actions`,children:[Z(`label`,{for:`upload-files`,class:`visually-hidden`,children:`Upload files`}),Z(`input`,{id:`upload-files`,ref:p,type:`file`,multiple:!0,class:`visually-hidden`,tabIndex:-1,disabled:!t,onChange:e=>{let t=e.currentTarget;t.files&&t.files.length>0&&m.current&&Sn.add(Array.from(t.files),m.current),t.value=``}}),Z(`button`,{type:`button`,class:`primary`,disabled:!t||!C,"aria-describedby":C?void 0:`shared-role`,onClick:()=>p.current?.click(),children:`Upload`}),Z(`button`,{type:`button`,disabled:!t||!C,"aria-describedby":C?void 0:`shared-role`,onClick:()=>c(!0),children:`New folder`})]})]}),t?.shared&&Z(vn,{shared:t.shared}),Z(bn,{items:d,queue:Sn}),a&&Z(`p`,{role:`alert`,class:`form-error`,children:a}),r&&Z(`p`,{class:`empty`,children:[`There is no folder `,e,`. It may have been moved or deleted.`]}),t&&Z(y,{children:[Z(_n,{caption:`Contents of ${S}`,entries:t.entries,actions:v,empty:Z(y,{children:[Z(`span`,{class:`icon icon-drop`,"aria-hidden":`true`}),Z(`p`,{children:`This folder is empty.`}),Z(`p`,{class:`muted`,children:C?`Drop files here, or use Upload.`:`Only its owner and editors can add files here.`})]})}),Z(`p`,{class:`muted small listing-foot`,children:[t.entries.length<t.totalCount?`Showing ${t.entries.length} of ${t.totalCount} items.`:`${t.totalCount} item${t.totalCount===1?``:`s`}.`,` `,C&&`Drop files anywhere here to upload them.`]}),t.hasNextPage&&Z(`button`,{type:`button`,onClick:()=>void x(),children:`Load more`})]}),s&&Z(en,{title:`New folder`,action:`Create`,initial:``,onClose:()=>c(!1),onSubmit:async e=>{try{let t=(await H(nt,{parentId:m.current,name:e.trim()})).createFolder;return t.__typename===`Folder`?(Q(`Created “${t.name}”.`),_(),null):Y(t)}catch(e){return X(e)}}}),b]})}function En(){let[e,t]=R(null);async function n(){try{t((await H(gt)).sessions)}catch(e){Q(X(e),`error`)}}z(()=>{n()},[]);async function r(e){try{await H(_t,{id:e.id}),Q(`Signed out ${e.deviceName??`the device`}.`),await n()}catch(e){Q(X(e),`error`)}}return Z(`div`,{children:[Z(`div`,{class:`toolbar`,children:Z(`h1`,{children:`Devices`})}),Z(`p`,{class:`muted`,children:`Every device signed in to your account. Sign out the ones you do not recognize.`}),e===null?Z(`p`,{class:`muted`,children:`Loading…`}):Z(`table`,{class:`entries`,children:[Z(`caption`,{class:`visually-hidden`,children:`Signed-in devices`}),Z(`thead`,{children:Z(`tr`,{children:[Z(`th`,{scope:`col`,children:`Device`}),Z(`th`,{scope:`col`,children:`Signed in`}),Z(`th`,{scope:`col`,children:`Last used`}),Z(`th`,{scope:`col`,children:Z(`span`,{class:`visually-hidden`,children:`Actions`})})]})}),Z(`tbody`,{children:e.map(e=>Z(`tr`,{children:[Z(`th`,{scope:`row`,children:[e.deviceName??`Unnamed device`,e.current&&` `,e.current&&Z(`span`,{class:`badge`,children:`this device`})]}),Z(`td`,{class:`muted`,children:K(e.createdAt)}),Z(`td`,{class:`muted`,children:K(e.lastSeenAt)}),Z(`td`,{class:`actions`,children:!e.current&&Z(`button`,{type:`button`,onClick:()=>void r(e),children:`Sign out device`})})]},e.id))})]})]})}function Dn({query:e}){let[t,n]=R(null),[r,i]=R(null),[a,o]=R(0),s=()=>o(e=>e+1),{buttons:c,dialog:l}=hn(s);return z(()=>(window.addEventListener($,s),()=>window.removeEventListener($,s)),[]),z(()=>{let t=!0;if(!e.trim())n([]);else return H(et,{query:e.trim()}).then(e=>t&&(n(e.search),i(null))).catch(e=>t&&i(X(e))),()=>{t=!1}},[e,a]),Z(`div`,{children:[Z(`div`,{class:`toolbar`,children:Z(`h1`,{children:[`Search results for “`,e,`”`]})}),r&&Z(`p`,{role:`alert`,class:`form-error`,children:r}),t===null?Z(`p`,{class:`muted`,children:`Searching…`}):Z(_n,{caption:`Search results for ${e}`,entries:t,showPath:!0,actions:c,empty:Z(`p`,{children:[`No file or folder name contains “`,e,`”.`]})}),l]})}function On(e){return`${e}${e.includes(`?`)?`&`:`?`}dl=1`}function kn(e,t){let n=q(t),r=`/s/${e}`;return n.length===0?r:`${r}?path=${encodeURIComponent(n.join(`/`))}`}function An({token:e,path:t}){let[n,r]=R(null),[i,a]=R(!1),[o,s]=R(null),[c,l]=R(``),[u,d]=R(null),[f,p]=R(!0),[m,h]=R([]),[g,_]=R(0),[v,y]=R(null),b=B(null),x=B(null);async function S(n){p(!0);try{let i=(await H(yt,{token:e,password:n,path:t||null})).sharedLink;i.__typename===`SharedEntry`?(r(i),q(i.path).length===0&&y(i.name),a(!1),s(n),x.current=n,d(null),document.title=`${i.name||`Shared folder`} · dropbox-lite`):i.__typename===`PasswordRequiredError`||i.__typename===`WrongPasswordError`?(a(!0),r(null),d(i.__typename===`WrongPasswordError`?Y(i):null)):(r(null),a(!1),d(Y(i)))}catch(e){d(X(e))}finally{p(!1)}}z(()=>{S(o)},[e,t,g]);let C=xe(()=>new Jt((t,n,r)=>{let i=We(bt,{token:e,password:x.current},t,r);return{cancel:i.cancel,promise:i.promise.then(e=>e.uploadToShareLink.__typename===`File`?null:Y(e.uploadToShareLink))}},3,()=>_(e=>e+1)),[e]);z(()=>C.subscribe(h),[C]);let w=q(n?.path??t);return Z(`div`,{class:`share-page`,children:[Z(`header`,{class:`topbar`,children:[Z(`span`,{class:`brand`,children:[Z(`span`,{class:`brand-mark`,"aria-hidden":`true`}),` dropbox-lite`]}),Z(`span`,{class:`muted`,children:`Shared with you`})]}),Z(`main`,{class:`share-main`,children:[f&&!n&&!i&&!u&&Z(`p`,{class:`muted`,children:`Opening the link…`}),i&&Z(`form`,{class:`share-card`,onSubmit:e=>{e.preventDefault(),S(c)},children:[Z(`h1`,{children:`This link is protected`}),Z(`p`,{class:`muted`,children:`Enter the password you were given to open it.`}),Z(`label`,{for:`share-open-password`,children:`Password`}),Z(`input`,{id:`share-open-password`,type:`password`,autocomplete:`off`,required:!0,value:c,onInput:e=>l(e.currentTarget.value)}),u&&Z(`p`,{role:`alert`,class:`form-error`,children:u}),Z(`button`,{type:`submit`,class:`primary`,children:`Open`})]}),!i&&!n&&u&&Z(`div`,{class:`share-card`,children:[Z(`h1`,{children:`This link does not open`}),Z(`p`,{role:`alert`,children:u})]}),n&&!n.isFolder&&Z(`div`,{class:`share-card`,children:[Z(gn,{folder:!1}),Z(`h1`,{children:n.name}),Z(`p`,{class:`muted`,children:[G(n.size??0),` · modified `,K(n.modifiedAt),n.expiresAt&&` · link expires ${K(n.expiresAt)}`]}),n.downloadUrl&&Z(`a`,{class:`button-link primary`,href:On(n.downloadUrl),download:n.name,children:`Download`})]}),n&&n.isFolder&&Z(`div`,{class:`share-folder`,children:[Z(`nav`,{"aria-label":`Breadcrumb`,class:`breadcrumb`,children:Z(`ol`,{children:[{name:v??`Shared folder`,at:`/`},...w.map((e,t)=>({name:e,at:w.slice(0,t+1).join(`/`)}))].map((t,n,r)=>Z(`li`,{children:n===r.length-1?Z(`span`,{"aria-current":`page`,children:t.name}):Z(`a`,{href:kn(e,t.at),onClick:J,children:t.name})},t.at))})}),Z(`div`,{class:`toolbar`,children:[Z(`h1`,{children:n.name}),n.access===`EDITOR`&&Z(`div`,{class:`toolbar-actions`,children:[Z(`label`,{for:`share-upload`,class:`visually-hidden`,children:`Upload files`}),Z(`input`,{id:`share-upload`,ref:b,type:`file`,multiple:!0,class:`visually-hidden`,tabIndex:-1,onChange:e=>{let t=e.currentTarget;t.files&&t.files.length>0&&C.add(Array.from(t.files),null),t.value=``}}),Z(`button`,{type:`button`,class:`primary`,onClick:()=>b.current?.click(),children:`Upload`})]})]}),n.access===`EDITOR`&&Z(`div`,{class:`dropzone`,onDragOver:e=>e.preventDefault(),onDrop:e=>{e.preventDefault();let t=e.dataTransfer?.files;t&&t.length>0&&C.add(Array.from(t),null)},children:`You can add files to this folder: drop them here or use Upload.`}),Z(bn,{items:m,queue:C}),n.children&&n.children.items.length>0?Z(`table`,{class:`entries`,children:[Z(`caption`,{class:`visually-hidden`,children:[`Contents of `,n.name]}),Z(`thead`,{children:Z(`tr`,{children:[Z(`th`,{scope:`col`,children:`Name`}),Z(`th`,{scope:`col`,class:`num`,children:`Size`}),Z(`th`,{scope:`col`,children:`Modified`}),Z(`th`,{scope:`col`,children:Z(`span`,{class:`visually-hidden`,children:`Actions`})})]})}),Z(`tbody`,{children:n.children.items.map(t=>Z(`tr`,{"data-entry":t.name,children:[Z(`th`,{scope:`row`,class:`name`,children:[Z(gn,{folder:t.isFolder}),t.isFolder?Z(`a`,{href:kn(e,t.path),onClick:J,children:t.name}):Z(`span`,{children:t.name})]}),Z(`td`,{class:`num muted`,children:t.isFolder?`—`:G(t.size??0)}),Z(`td`,{class:`muted`,children:K(t.modifiedAt)}),Z(`td`,{class:`actions`,children:t.downloadUrl&&Z(`a`,{class:`button-link`,href:On(t.downloadUrl),download:t.name,children:`Download`})})]},t.path))})]}):Z(`p`,{class:`empty`,children:`This folder is empty.`}),n.children?.hasMore&&Z(`p`,{class:`muted small`,children:`Only the first 100 items are shown.`})]})]})]})}function jn(e=navigator.userAgent){return`Web app (${/Edg\//.test(e)?`Edge`:/Firefox\//.test(e)?`Firefox`:/Chrom(e|ium)\//.test(e)?`Chrome`:/Safari\//.test(e)?`Safari`:`a browser`})`}function Mn(){let[e,t]=R(``),[n,r]=R(``),[i,a]=R(null),[o,s]=R(!1),[c,l]=R(null);async function u(t){s(!0),a(null);try{let r={username:e.trim(),password:n,deviceName:jn()},i=t===`login`?(await H(Xe,r)).login:(await H(Ye,{...r,inviteCode:c?.trim()||null})).signup;if(i.__typename===`AuthPayload`){Le(i.token);return}if(i.__typename===`SignupRefusedError`&&i.policy===`invite`&&c===null){l(``),a(`This server needs an invite code to create an account: enter yours below.`);return}a(Y(i))}catch(e){a(X(e))}finally{s(!1)}}return Z(`main`,{class:`signin`,children:Z(`div`,{class:`signin-card`,children:[Z(`h1`,{class:`brand`,children:[Z(`span`,{class:`brand-mark`,"aria-hidden":`true`}),` dropbox-lite`]}),Z(`p`,{class:`muted`,children:`Your files, on your own server.`}),Z(`form`,{onSubmit:e=>{e.preventDefault(),u(`login`)},children:[Z(`label`,{for:`username`,children:`Username`}),Z(`input`,{id:`username`,name:`username`,autocomplete:`username`,required:!0,value:e,onInput:e=>t(e.currentTarget.value)}),Z(`label`,{for:`password`,children:`Password`}),Z(`input`,{id:`password`,name:`password`,type:`password`,autocomplete:`current-password`,required:!0,value:n,onInput:e=>r(e.currentTarget.value)}),c!==null&&Z(y,{children:[Z(`label`,{for:`invite-code`,children:`Invite code`}),Z(`input`,{id:`invite-code`,name:`invite-code`,autocomplete:`off`,value:c,onInput:e=>l(e.currentTarget.value)})]}),i&&Z(`p`,{role:`alert`,class:`form-error`,children:i}),Z(`div`,{class:`signin-actions`,children:[Z(`button`,{type:`submit`,class:`primary`,disabled:o,children:`Sign in`}),Z(`button`,{type:`button`,disabled:o,onClick:e=>{let t=e.currentTarget.form;(!t||t.reportValidity())&&u(`signup`)},children:`Create account`})]}),Z(`p`,{class:`muted small`,children:[`New here? Choose a username (3 to 32 letters, digits, `,Z(`code`,{children:`.`}),` `,Z(`code`,{children:`_`}),` `,Z(`code`,{children:`-`}),`) and a password of at least 8 characters, then Create account.`]})]})]})})}function Nn(){let[e,t]=R(null),[n,r]=R(null),[i,a]=R(!1),[o,s]=R(null),[c,l]=R(0),u=()=>l(e=>e+1);async function d(e,n){try{let i=(await H(tt,{first:100,after:e})).trash;t([...n,...i.edges.map(e=>e.node)]),r(i.pageInfo.endCursor),a(i.pageInfo.hasNextPage)}catch(e){Q(X(e),`error`)}}z(()=>{d(null,[])},[c]);async function f(e){try{let t=(await H(st,{id:e.id})).restoreEntry;t.__typename===`File`||t.__typename===`Folder`?(Q(`Restored “${e.name}” to ${t.path}.`),u(),fn()):Q(Y(t),`error`)}catch(e){Q(X(e),`error`)}}return Z(`div`,{children:[Z(`div`,{class:`toolbar`,children:Z(`h1`,{children:`Trash`})}),Z(`p`,{class:`muted`,children:`Deleted files and folders stay here until you delete them forever. What was deleted in a folder shared with you is its owner's to delete forever.`}),e===null?Z(`p`,{class:`muted`,children:`Loading…`}):Z(_n,{caption:`Trash`,entries:e,showPath:!0,empty:Z(`p`,{children:`The trash is empty.`}),actions:e=>{let t=e.shared?.ownerUsername,n=e.shared?.yourRole===`VIEWER`,r=e.shared!=null&&!e.shared.youOwn;return Z(`div`,{class:`row-actions`,role:`group`,"aria-label":`Actions for ${e.name}`,children:[Z(`button`,{type:`button`,disabled:n,title:n?`Only ${t} and editors restore this`:void 0,onClick:()=>void f(e),children:`Restore`}),Z(`button`,{type:`button`,class:`danger-text`,disabled:r,title:r?`Only ${t} deletes this forever`:void 0,onClick:()=>s(e),children:`Delete forever`})]})}}),i&&e&&Z(`button`,{type:`button`,onClick:()=>void d(n,e),children:`Load more`}),o&&Z(Qt,{title:`Delete “${o.name}” forever?`,action:`Delete forever`,onClose:()=>s(null),onConfirm:async()=>{try{await H(ct,{id:o.id}),Q(`Deleted “${o.name}” forever.`),u(),fn()}catch(e){Q(X(e),`error`)}},children:Z(`p`,{children:[`This cannot be undone`,o.__typename===`Folder`?`: the folder and everything in it go`:``,`.`]})})]})}function Pn({me:e}){let{usedBytes:t,quotaBytes:n}=e.usage;return Z(`div`,{class:`usage`,children:[Z(`span`,{class:`small`,children:Dt(t,n)}),n!=null&&n>0&&Z(`meter`,{min:0,max:n,value:t,"aria-label":`Storage used`})]})}function Fn({me:e,children:t,query:n}){let[r,i]=R(n),{pathname:a}=Lt();z(()=>i(n),[n]);let o=e=>a===e?`page`:void 0;return Z(`div`,{class:`shell`,children:[Z(`header`,{class:`topbar`,children:[Z(`a`,{class:`brand`,href:`/`,onClick:J,children:[Z(`span`,{class:`brand-mark`,"aria-hidden":`true`}),` dropbox-lite`]}),Z(`form`,{role:`search`,class:`search`,onSubmit:e=>{e.preventDefault(),r.trim()&&It(`/search?q=${encodeURIComponent(r.trim())}`)},children:[Z(`label`,{for:`search`,class:`visually-hidden`,children:`Search`}),Z(`input`,{id:`search`,type:`search`,placeholder:`Search files and folders`,value:r,onInput:e=>i(e.currentTarget.value)})]}),Z(`div`,{class:`account`,children:[e&&Z(`span`,{class:`username`,children:e.username}),Z(`button`,{type:`button`,onClick:async()=>{try{await H(Ze)}catch{}Le(null),It(`/`,!0)},children:`Sign out`})]})]}),Z(`div`,{class:`layout`,children:[Z(`nav`,{class:`sidebar`,"aria-label":`Main`,children:[Z(`ul`,{children:[Z(`li`,{children:Z(`a`,{href:`/`,onClick:J,"aria-current":a===`/`||a.startsWith(`/browse`)?`page`:void 0,children:[Z(`span`,{class:`icon icon-folder`,"aria-hidden":`true`}),`All files`]})}),Z(`li`,{children:Z(`a`,{href:`/trash`,onClick:J,"aria-current":o(`/trash`),children:[Z(`span`,{class:`icon icon-trash`,"aria-hidden":`true`}),`Trash`]})}),Z(`li`,{children:Z(`a`,{href:`/devices`,onClick:J,"aria-current":o(`/devices`),children:[Z(`span`,{class:`icon icon-device`,"aria-hidden":`true`}),`Devices`]})}),Z(`li`,{children:Z(`a`,{href:`/graphql`,children:[Z(`span`,{class:`icon icon-code`,"aria-hidden":`true`}),`Playground`]})})]}),e&&Z(Pn,{me:e})]}),Z(`main`,{class:`content`,children:t})]}),Z(nn,{})]})}function In(){let[e,t]=R(Ie()),[n,r]=R(null),i=Lt();z(()=>Re(t),[]),z(()=>{if(!e){r(null);return}let t=()=>H(Je).then(e=>r(e.me)).catch(()=>void 0);return t(),window.addEventListener($,t),()=>window.removeEventListener($,t)},[e]);let{pathname:a,search:o}=i;if(a.startsWith(`/s/`))return Z(An,{token:a.slice(3),path:o.get(`path`)??``});if(!e)return Z(Mn,{});let s;return s=a===`/trash`?Z(Nn,{}):a===`/devices`?Z(En,{}):a===`/search`?Z(Dn,{query:o.get(`q`)??``}):Z(Tn,{path:At(a)}),Z(Fn,{me:n,query:a===`/search`?o.get(`q`)??``:``,children:s})}Fe();var Ln=document.getElementById(`app`);Ln&&P(Z(In,{}),Ln);